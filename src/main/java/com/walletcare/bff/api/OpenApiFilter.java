package com.walletcare.bff.api;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Adds what every operation shares, written once, and what annotations cannot say: the security schemes Swagger UI
 * can authorise with (a bearer token in every profile; the dev-mode users where HTTP Basic is on, which is dev mode
 * only); on every response the X-Request-Id header (and Retry-After on a 409, 429 or 503); on operations that take a customer id
 * the 400 (malformed id) and 404 (no such customer) problems; a {@code default} problem for the statuses any request
 * can meet (404, 405, 406, 414, 431, 500); an example for every problem response, built from its code as the service
 * answers it; and, where the simulator runs, its controls under their own tag.
 */
public class OpenApiFilter implements OASFilter {

    public static final String BEARER = "bearer";
    static final String DEV_BASIC = "dev-basic";
    static final String EXAMPLE_REQUEST_ID = "3f2c9a1e-8d4b-4f7a-9c2e-1b5d6e7f8a90";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    /** The code a problem response's description starts with, e.g. "FORBIDDEN: …". */
    private static final Pattern LEADING_CODE = Pattern.compile("^([A-Z_]+)\\b");
    private static final List<ProblemCode> ANY_REQUEST = List.of(ProblemCode.NOT_FOUND, ProblemCode.METHOD_NOT_ALLOWED,
            ProblemCode.NOT_ACCEPTABLE, ProblemCode.URI_TOO_LONG, ProblemCode.HEADERS_TOO_LARGE, ProblemCode.INTERNAL_ERROR);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The statuses whose problems can carry Retry-After: CHANGE_IN_PROGRESS, RATE_LIMITED, GATEWAY_UNAVAILABLE, JOURNAL_UNAVAILABLE. */
    private static final List<String> RETRY_AFTER = List.of("409", "429", "503");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Config config = ConfigProvider.getConfig();
        boolean devBasic = config.getOptionalValue("quarkus.http.auth.basic", Boolean.class).orElse(false);
        boolean simulator = config.getOptionalValue("simulator.enabled", Boolean.class).orElse(false);
        if (openAPI.getComponents() == null) {
            openAPI.components(OASFactory.createComponents());
        }
        openAPI.getComponents().addSecurityScheme(BEARER, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("An access token from the identity provider, with the care-viewer or care-agent role"));
        if (devBasic) {
            openAPI.getComponents().addSecurityScheme(DEV_BASIC, OASFactory.createSecurityScheme()
                    .type(SecurityScheme.Type.HTTP).scheme("basic")
                    .description("Dev mode only: viewer/viewer (care-viewer) or agent/agent (care-agent)"));
        }
        // A value of additionalInformation the gateway left empty is null (annotations cannot reach map values).
        openAPI.getComponents().getSchemas().get("Customer").getProperties().get("additionalInformation")
                .getAdditionalPropertiesSchema().addType(SchemaType.NULL);
        if (simulator) {
            simulatorControls(openAPI);
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values().forEach(operation -> {
            if (devBasic && operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
                operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(DEV_BASIC));
            }
            if (path.contains("{id}")) {
                APIResponse invalid = operation.getResponses().getAPIResponse("400");
                if (invalid == null) {
                    operation.getResponses().addAPIResponse("400", problem("VALIDATION_FAILED: the id is not a customer id",
                            Map.of("VALIDATION_FAILED", ApiExamples.INVALID_ID)));
                } else {
                    invalid.description(invalid.getDescription() + "; or the id is not a customer id")
                            .getContent().getMediaType(ProblemMapper.PROBLEM_JSON)
                            .addExample("invalid id", OASFactory.createExample().value(json(ApiExamples.INVALID_ID)));
                }
                operation.getResponses()
                        .addAPIResponse("404", problem("CUSTOMER_NOT_FOUND: no customer with that id",
                                Map.of("CUSTOMER_NOT_FOUND", ApiExamples.CUSTOMER_NOT_FOUND)));
            }
            if (operation.getResponses().getDefaultValue() == null) {
                operation.getResponses().defaultValue(anyRequestProblems());
            }
            operation.getResponses().getAPIResponses().forEach((status, response) -> decorate(status, response));
        }));
    }

    /** The simulator's own routes (Vert.x, not JAX-RS), so that a tester can lock a wallet and reset from Swagger UI. */
    private static void simulatorControls(OpenAPI openAPI) {
        openAPI.addTag(OASFactory.createTag().name("Simulator")
                .description("The embedded gateway simulator (dev mode): put the demo back, or lock a wallet as too many "
                        + "failed logins would. Not part of the service's API; no token needed."));
        Operation lock = OASFactory.createOperation().operationId("lockSimulatedWallet").addTag("Simulator")
                .summary("Lock a simulated wallet, as too many failed logins would")
                .security(List.of())
                .addParameter(OASFactory.createParameter().name("customerId").in(
                        org.eclipse.microprofile.openapi.models.parameters.Parameter.In.PATH).required(true)
                        .example("vmiTxZcaSEym").schema(OASFactory.createSchema().addType(SchemaType.STRING)))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("204", OASFactory.createAPIResponse().description("Locked"))
                        .addAPIResponse("404", OASFactory.createAPIResponse().description("No simulated customer with that id")));
        Operation reset = OASFactory.createOperation().operationId("resetSimulator").addTag("Simulator")
                .summary("Put every simulated wallet back as seeded")
                .security(List.of())
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("204", OASFactory.createAPIResponse().description("Reset")));
        openAPI.getPaths()
                .addPathItem("/simulator/customers/{customerId}/lock", OASFactory.createPathItem().POST(lock))
                .addPathItem("/simulator/reset", OASFactory.createPathItem().POST(reset));
    }

    private static APIResponse anyRequestProblems() {
        APIResponse response = problem("Any request can also meet: NOT_FOUND (404, no such path), METHOD_NOT_ALLOWED "
                + "(405, with Allow), NOT_ACCEPTABLE (406, no JSON accepted), URI_TOO_LONG (414, over 4096 characters), "
                + "HEADERS_TOO_LARGE (431, over 20 KB), INTERNAL_ERROR (500, a fault of this service)", null);
        ANY_REQUEST.forEach(code -> response.getContent().getMediaType(ProblemMapper.PROBLEM_JSON)
                .addExample(code.name(), OASFactory.createExample().value(example(code))));
        return response;
    }

    /** X-Request-Id on every response, Retry-After where it is sent, an example on every problem that has none. */
    private static void decorate(String status, APIResponse response) {
        response.addHeader(RequestIdFilter.HEADER, OASFactory.createHeader().description("This request's trace id")
                .schema(OASFactory.createSchema().addType(SchemaType.STRING)));
        if (RETRY_AFTER.contains(status)) {
            response.addHeader("Retry-After", OASFactory.createHeader()
                    .description("Seconds to wait before trying again (on a 409: with CHANGE_IN_PROGRESS only)")
                    .schema(OASFactory.createSchema().addType(SchemaType.INTEGER)));
        }
        MediaType problem = response.getContent() == null ? null : response.getContent().getMediaType(ProblemMapper.PROBLEM_JSON);
        if (problem != null && (problem.getExamples() == null || problem.getExamples().isEmpty())) {
            Matcher code = LEADING_CODE.matcher(response.getDescription());
            if (code.find()) {
                problem.addExample(code.group(1), OASFactory.createExample().value(example(ProblemCode.valueOf(code.group(1)))));
            }
        }
    }

    /** A problem as the service answers it where nothing more specific is known. */
    private static Object example(ProblemCode code) {
        return JSON.convertValue(Problem.of(code, ProblemMapper.detail(code), EXAMPLE_REQUEST_ID), Object.class);
    }

    private static Object json(String example) {
        try {
            return JSON.readValue(example, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Example is not JSON: " + example, e);
        }
    }

    private static APIResponse problem(String description, Map<String, String> examples) {
        MediaType mediaType = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF));
        if (examples != null) {
            examples.forEach((name, example) -> mediaType.addExample(name, OASFactory.createExample().value(json(example))));
        }
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(ProblemMapper.PROBLEM_JSON, mediaType));
    }
}
