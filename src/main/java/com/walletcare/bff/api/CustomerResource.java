package com.walletcare.bff.api;

import java.util.regex.Pattern;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.walletcare.bff.care.CustomerLookup;
import com.walletcare.bff.customer.Customer;
import com.walletcare.bff.customer.RequestTrace;
import com.walletcare.bff.error.InvalidRequestException;
import com.walletcare.bff.error.Problem;
import com.walletcare.bff.error.ProblemMapper;

import io.smallrye.mutiny.Uni;

@Path("/customers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers", description = "Look wallet customers up and change their wallet's status")
@APIResponse(responseCode = "503", description = "GATEWAY_UNAVAILABLE: gateway unreachable, failing after retries, or circuit open; Retry-After says when to try again",
        content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "GATEWAY_UNAVAILABLE", value = ApiExamples.GATEWAY_UNAVAILABLE)))
@APIResponse(responseCode = "504", description = "GATEWAY_TIMEOUT: the gateway did not answer in time",
        content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "GATEWAY_TIMEOUT", value = ApiExamples.GATEWAY_TIMEOUT)))
@APIResponse(responseCode = "502", description = "GATEWAY_REJECTED (the gateway answered with a failure) or GATEWAY_AUTH_FAILED (it refused this service's partner credentials)",
        content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                examples = { @ExampleObject(name = "GATEWAY_REJECTED", value = ApiExamples.GATEWAY_REJECTED),
                        @ExampleObject(name = "GATEWAY_AUTH_FAILED", value = ApiExamples.GATEWAY_AUTH_FAILED) }))
public class CustomerResource {

    private static final Pattern CUSTOMER_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final CustomerLookup lookup;

    CustomerResource(CustomerLookup lookup) {
        this.lookup = lookup;
    }

    @POST
    @Path("/search")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "searchCustomers", summary = "Look customers up",
            description = "Searches the gateway by phone, e-mail, first + last name, external id or customer id. "
                    + "A phone number may match several profiles: all are returned, with what tells them apart. "
                    + "Criteria travel in the body so that phone numbers and e-mail addresses stay out of URLs and logs.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = SearchRequest.class), examples = {
            @ExampleObject(name = "by phone", value = ApiExamples.SEARCH_BY_PHONE),
            @ExampleObject(name = "by name", value = ApiExamples.SEARCH_BY_NAME) }))
    @APIResponse(responseCode = "200", description = "Every matching profile; no match is count 0",
            content = @Content(schema = @Schema(implementation = SearchResponse.class), examples = {
                    @ExampleObject(name = "Olivia and Paul share a phone", value = ApiExamples.SEARCH_RESULT),
                    @ExampleObject(name = "no match", value = ApiExamples.NO_MATCH) }))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: no criterion, a lone first or last name, an unknown field, malformed JSON",
            content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "VALIDATION_FAILED", value = ApiExamples.VALIDATION_FAILED)))
    @APIResponse(responseCode = "415", description = "UNSUPPORTED_MEDIA_TYPE: the body is not application/json",
            content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public Uni<SearchResponse> search(SearchRequest request,
            @Parameter(description = "Trace id; generated when absent, always echoed") @HeaderParam(RequestIdFilter.HEADER) String requestId) {
        return lookup.search(SearchRequest.toCriteria(request), new RequestTrace(requestId)).map(SearchResponse::of);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getCustomer", summary = "One customer, fresh from the gateway")
    @APIResponse(responseCode = "200", description = "The customer",
            content = @Content(schema = @Schema(implementation = Customer.class), examples = {
                    @ExampleObject(name = "locked Paul", value = ApiExamples.PAUL_LOCKED),
                    @ExampleObject(name = "Olivia", value = ApiExamples.OLIVIA) }))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: the id is not a customer id",
            content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "CUSTOMER_NOT_FOUND",
            content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "CUSTOMER_NOT_FOUND", value = ApiExamples.CUSTOMER_NOT_FOUND)))
    public Uni<Customer> get(
            @Parameter(description = "The gateway's customerId", example = "vmiTxZcaSEym") @PathParam("id") String id,
            @Parameter(description = "Trace id; generated when absent, always echoed") @HeaderParam(RequestIdFilter.HEADER) String requestId) {
        return lookup.find(customerId(id), new RequestTrace(requestId));
    }

    static String customerId(String id) {
        if (!CUSTOMER_ID.matcher(id).matches()) {
            throw InvalidRequestException.of("id", "A customer id has 1 to 64 letters, digits, '-' or '_'.");
        }
        return id;
    }
}
