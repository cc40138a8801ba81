package com.walletcare.bff.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.walletcare.bff.care.ActionResult;
import com.walletcare.bff.care.CallerVerification;
import com.walletcare.bff.care.ChangeLimit;
import com.walletcare.bff.care.ChangeIntent;
import com.walletcare.bff.care.CustomerLookup;
import com.walletcare.bff.care.History;
import com.walletcare.bff.care.VerificationResult;
import com.walletcare.bff.care.WalletChanges;
import com.walletcare.bff.care.WalletHistory;
import com.walletcare.bff.customer.Customer;
import com.walletcare.bff.customer.RequestTrace;
import com.walletcare.bff.customer.WalletAction;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * The API. Each operation declares its answer and the problems only it can meet; OpenApiFilter adds those that recur,
 * listed once in {@link ApiProblems}: every change's, every body's ({@code 413}, {@code 415}) and every operation's
 * ({@code 401}, {@code 403}, {@code 502}, {@code 503}, {@code 504}), each where the operation names none of its own;
 * and the body every change takes (a {@link ChangeRequest}, optional).
 */
@Path("/customers")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = OpenApiFilter.BEARER)
public class CustomerResource {

    private final CustomerLookup lookup;
    private final WalletChanges changes;
    private final ChangeLimit changeLimit;
    private final CallerVerification verification;
    private final WalletHistory history;
    private final SecurityIdentity identity;

    CustomerResource(CustomerLookup lookup, WalletChanges changes, ChangeLimit changeLimit,
            CallerVerification verification, WalletHistory history, SecurityIdentity identity) {
        this.lookup = lookup;
        this.changes = changes;
        this.changeLimit = changeLimit;
        this.verification = verification;
        this.history = history;
        this.identity = identity;
    }

    /** The agent a change counts against, and a verification is bound to: the token's subject (the user name of the dev-only users). */
    private String agent() {
        return identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null
                ? token.getSubject()
                : identity.getPrincipal().getName();
    }

    @POST
    @Path("/search")
    @RolesAllowed({ Roles.VIEWER, Roles.AGENT, Roles.SUPERVISOR })
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = OpenApiFilter.FIND, description = "Look the caller's wallet up: by phone, e-mail, name or id, then read it fresh")
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
    @APIResponse(responseCode = "400", ref = ApiProblems.SEARCH_INVALID)
    public Uni<SearchResponse> search(SearchRequest request,
            @Parameter(description = CustomerParams.REQUEST_ID_DOC) @HeaderParam(RequestIdFilter.HEADER) String requestId) {
        return lookup.search(SearchRequest.toCriteria(request), new RequestTrace(requestId)).map(SearchResponse::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.VIEWER, Roles.AGENT, Roles.SUPERVISOR })
    @Tag(name = OpenApiFilter.FIND)
    @Operation(operationId = "getCustomer", summary = "One customer, fresh from the gateway")
    @APIResponse(responseCode = "200", description = "The customer",
            headers = @Header(name = HttpHeaders.ETAG, description = EntityTags.ETAG_DOC, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = Customer.class), examples = {
                    @ExampleObject(name = "locked Paul", value = ApiExamples.PAUL_LOCKED),
                    @ExampleObject(name = "Olivia", value = ApiExamples.OLIVIA) }))
    public Uni<Customer> get(@BeanParam CustomerParams call) {
        return lookup.find(call.customerId(), call.trace());
    }

    @POST
    @Path("/{id}/verification")
    @RolesAllowed({ Roles.VIEWER, Roles.AGENT, Roles.SUPERVISOR })
    @Consumes(MediaType.APPLICATION_JSON)
    @Audited
    @Tag(name = OpenApiFilter.VERIFY, description = "Check what the caller says; the verificationId of a verified caller goes into the changes that need it")
    @Operation(operationId = "verifyCaller", summary = "Check what the caller says against the customer's record",
            description = "The agent types the caller's answers; they are compared with a fresh record from the gateway, "
                    + "in normal form (dates as callers say them, case, spaces, phone digits). Verified: at least "
                    + "care.verification.min-matches (default 2) answers match, one of them birthday or zip "
                    + "(care.verification.one-of), and none is wrong. The stored values are never returned. A "
                    + "verificationId is valid for this customer and this agent (token subject), for "
                    + "care.verification.valid-for (default 15 min), on every replica.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = VerificationRequest.class), examples = {
            @ExampleObject(name = "birthday and zip", value = ApiExamples.VERIFY_BIRTHDAY_AND_ZIP),
            @ExampleObject(name = "as the caller says it", value = ApiExamples.VERIFY_SPOKEN) }))
    @APIResponse(responseCode = "200", description = "The verdict, by factor name",
            content = @Content(schema = @Schema(implementation = VerificationResult.class), examples = {
                    @ExampleObject(name = "verified", value = ApiExamples.VERIFIED),
                    @ExampleObject(name = "not verified", value = ApiExamples.NOT_VERIFIED) }))
    @APIResponse(responseCode = "400", ref = ApiProblems.VERIFICATION_INVALID)
    @APIResponse(responseCode = "429", ref = ApiProblems.TOO_MANY_ATTEMPTS)
    public Uni<VerificationResult> verify(@BeanParam CustomerParams call, VerificationRequest answers) {
        return verification.verify(call.customerId(), agent(), VerificationRequest.toAnswers(answers), call.trace());
    }

    /** The change asked for, once its caller is verified where care.verification.required-for says so. */
    private ChangeIntent verifiedIntent(ChangeRequest body, CustomerParams call, String ifMatch, WalletAction action) {
        ChangeIntent intent = ChangeRequest.intent(body, call, action, agent(), identity.hasRole(Roles.SUPERVISOR),
                EntityTags.ifMatch(ifMatch));
        verification.require(action, intent.customerId(), intent.agent(), body == null ? null : body.verificationId());
        return intent;
    }

    @POST
    @Path("/{id}/unlock")
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR })
    @Audited
    @Tag(name = OpenApiFilter.CHANGE, description = "Unlock, activate or deactivate the wallet, one change at a time")
    @Operation(operationId = "unlockWallet", summary = "Make a locked wallet usable again",
            description = "The gateway cannot edit the lock: unlocking deactivates the wallet, then activates it, which clears "
                    + "the lock. A deactivated wallet is left as it is (409 CUSTOMER_DEACTIVATED, with the customer and its "
                    + "hold), except to finish an unlock of this service's that did not finish (then it is activated); an "
                    + "active one is left alone. Convergent and safe to repeat: after a timeout, call it again.")
    @APIResponse(responseCode = "200", description = "UNLOCKED, or ALREADY_UNLOCKED when there was nothing to do",
            headers = @Header(name = HttpHeaders.ETAG, description = EntityTags.ETAG_DOC, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ActionResult.class), examples = {
                    @ExampleObject(name = "UNLOCKED", value = ApiExamples.UNLOCKED),
                    @ExampleObject(name = "ALREADY_UNLOCKED", value = ApiExamples.ALREADY_UNLOCKED) }))
    @APIResponse(responseCode = "409", ref = ApiProblems.UNLOCK_CONFLICT)
    @APIResponse(responseCode = "502", ref = ApiProblems.UNLOCK_FAILED)
    public Uni<ActionResult> unlock(@BeanParam CustomerParams call, @HeaderParam(HttpHeaders.IF_MATCH)
            @Parameter(description = EntityTags.IF_MATCH_DOC) String ifMatch, ChangeRequest body) {
        ChangeIntent intent = verifiedIntent(body, call, ifMatch, WalletAction.UNLOCK);
        return changeLimit.admit(intent.agent()).chain(() -> changes.unlock(intent, call.trace()));
    }

    @POST
    @Path("/{id}/activate")
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR })
    @Audited
    @Tag(name = OpenApiFilter.CHANGE)
    @Operation(operationId = "activateWallet", summary = "Activate the wallet",
            description = "Activating a deactivated wallet also clears its lock, and lifts its hold. A wallet that is already "
                    + "active, LOCKED included, is left as it is (ALREADY_ACTIVE): clearing a lock is unlock's job. A wallet "
                    + "under a SUSPECTED_FRAUD hold is activated by a care-supervisor only, whose body gives reason and "
                    + "ticketId, on the record.")
    @APIResponse(responseCode = "403", ref = ApiProblems.SUPERVISOR_REQUIRED)
    @APIResponse(responseCode = "200", description = "ACTIVATED, or ALREADY_ACTIVE",
            headers = @Header(name = HttpHeaders.ETAG, description = EntityTags.ETAG_DOC, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ActionResult.class), examples = {
                    @ExampleObject(name = "ACTIVATED", value = ApiExamples.ACTIVATED),
                    @ExampleObject(name = "ALREADY_ACTIVE (a LOCKED wallet stays LOCKED)", value = ApiExamples.ALREADY_ACTIVE) }))
    public Uni<ActionResult> activate(@BeanParam CustomerParams call, @HeaderParam(HttpHeaders.IF_MATCH)
            @Parameter(description = EntityTags.IF_MATCH_DOC) String ifMatch, ChangeRequest body) {
        ChangeIntent intent = verifiedIntent(body, call, ifMatch, WalletAction.ACTIVATE);
        return changeLimit.admit(intent.agent()).chain(() -> changes.activate(intent, call.trace()));
    }

    @POST
    @Path("/{id}/deactivate")
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR })
    @Audited
    @Tag(name = OpenApiFilter.CHANGE)
    @Operation(operationId = "deactivateWallet", summary = "Deactivate the wallet",
            description = "The wallet can no longer be used until it is activated again, and shows a hold (reason, ticket, "
                    + "agent, since) until then; a SUSPECTED_FRAUD deactivate upgrades an existing hold. Its devices are "
                    + "left as they are.")
    @APIResponse(responseCode = "200", description = "DEACTIVATED, or ALREADY_DEACTIVATED",
            headers = @Header(name = HttpHeaders.ETAG, description = EntityTags.ETAG_DOC, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ActionResult.class), examples = {
                    @ExampleObject(name = "DEACTIVATED", value = ApiExamples.DEACTIVATED),
                    @ExampleObject(name = "ALREADY_DEACTIVATED", value = ApiExamples.ALREADY_DEACTIVATED) }))
    public Uni<ActionResult> deactivate(@BeanParam CustomerParams call, @HeaderParam(HttpHeaders.IF_MATCH)
            @Parameter(description = EntityTags.IF_MATCH_DOC) String ifMatch, ChangeRequest body) {
        ChangeIntent intent = verifiedIntent(body, call, ifMatch, WalletAction.DEACTIVATE);
        return changeLimit.admit(intent.agent()).chain(() -> changes.deactivate(intent, call.trace()));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.VIEWER, Roles.AGENT, Roles.SUPERVISOR })
    @Tag(name = OpenApiFilter.REVIEW, description = "What was asked of the wallet, by whom, and how it ended")
    @Operation(operationId = "walletHistory", summary = "The changes asked of a wallet, newest first",
            description = "Every unlock, activate and deactivate asked through this service, by whom, why, and how it "
                    + "ended (REQUEST, or RECOVERY when another replica finished it). Shared by every replica and kept "
                    + "across restarts when a database is configured. Ids and codes only: no personal data.")
    @APIResponse(responseCode = "200", description = "One page; next is the cursor for the following one",
            content = @Content(schema = @Schema(implementation = History.class),
                    examples = @ExampleObject(name = "an unlock", value = ApiExamples.HISTORY)))
    @APIResponse(responseCode = "400", ref = ApiProblems.HISTORY_INVALID)
    public Uni<History> history(@BeanParam CustomerParams call,
            @Parameter(description = "The next cursor of the previous page") @QueryParam("before") String before,
            @Parameter(description = "Page size, 1-100", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20",
                    minimum = "1", maximum = "100"))
            @QueryParam("limit") String limit) {
        return history.page(call.customerId(), HistoryPaging.cursor(before), HistoryPaging.limit(limit));
    }
}
