package com.walletcare.bff.api;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Adds what every operation shares, written once, and what annotations cannot say: the security schemes Swagger UI
 * can authorise with (a bearer token in every profile; the dev-mode users where HTTP Basic is on, which is dev mode
 * only); the problem responses of {@link ApiProblems}, each declared once under components/responses with its
 * examples, its X-Request-Id header (and Retry-After on a 409, 429 or 503), which operations refer to; the problems
 * that recur ({@link ApiProblems#EVERY_CHANGE}, {@link ApiProblems#EVERY_BODY}, {@link ApiProblems#EVERY_OPERATION}),
 * for each status an operation names no problem of its own for; on operations that take a customer id the 400
 * (malformed id) and 404 (no such customer) problems; a {@code default} problem for the statuses any request can meet;
 * X-Request-Id on every other response; each operation's responses in status order; the operations in the order of
 * the support story (find, verify, change, review); and, where the simulator runs, its controls under their own tag.
 */
public class OpenApiFilter implements OASFilter {

    public static final String BEARER = "bearer";
    static final String DEV_BASIC = "dev-basic";
    static final String EXAMPLE_REQUEST_ID = "3f2c9a1e-8d4b-4f7a-9c2e-1b5d6e7f8a90";
    static final String SIMULATOR_TAG = "Simulator";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The support story, in the order Swagger UI lists it: its tags, then its operations. */
    static final String FIND = "1. Find the customer";
    static final String VERIFY = "2. Verify the caller";
    static final String CHANGE = "3. Change the wallet";
    static final String REVIEW = "4. Review what was done";
    private static final List<String> STORY = List.of("searchCustomers", "getCustomer", "verifyCaller", "unlockWallet",
            "activateWallet", "deactivateWallet", "walletHistory", "lockSimulatedWallet", "simulatorFaults",
            "setSimulatorFaults", "resetSimulator");
    /** The statuses whose problems can carry Retry-After: CHANGE_IN_PROGRESS, RATE_LIMITED, GATEWAY_UNAVAILABLE, JOURNAL_UNAVAILABLE. */
    private static final List<String> RETRY_AFTER = List.of("409", "429", "503");
    private static final String CHANGE_BODY_DOC = "Why, under which ticket, and the caller's verificationId: optional, "
            + "as is the body, unless care.verification.required-for lists the change. Then add the verificationId that "
            + "POST /customers/{id}/verification answered (step 2) for this customer: the prefilled example has none.";

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
        ApiProblems.ALL.forEach(declared -> openAPI.getComponents().addResponse(declared.name(), declared(declared)));
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values().forEach(operation -> {
            // The API's operations take a token; the simulator's controls take none.
            boolean api = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
            if (devBasic && api) {
                operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(DEV_BASIC));
            }
            if (api) {
                // The operation's own response for a status first, then its kind's, then every operation's.
                if (operation.getTags() != null && operation.getTags().contains(CHANGE)) {
                    refer(operation, ApiProblems.EVERY_CHANGE);
                    changeBody(operation);
                }
                if (operation.getRequestBody() != null) {
                    refer(operation, ApiProblems.EVERY_BODY);
                }
                refer(operation, ApiProblems.EVERY_OPERATION);
            }
            if (path.contains("{id}")) {
                if (operation.getResponses().getAPIResponse("400") == null) {
                    operation.getResponses().addAPIResponse("400", OASFactory.createAPIResponse().ref(ApiProblems.INVALID_ID));
                }
                operation.getResponses().addAPIResponse("404", OASFactory.createAPIResponse().ref(ApiProblems.CUSTOMER_NOT_FOUND));
            }
            if (operation.getResponses().getDefaultValue() == null) {
                operation.getResponses().defaultValue(OASFactory.createAPIResponse().ref(ApiProblems.ANY_REQUEST));
            }
            operation.getResponses().getAPIResponses().values().stream().filter(response -> response.getRef() == null)
                    .forEach(response -> response.addHeader(RequestIdFilter.HEADER, requestIdHeader()));
            inStatusOrder(operation);
        }));
        inStoryOrder(openAPI);
    }

    /**
     * The body every change takes, optional: the one SmallRye reads from the {@link ChangeRequest} parameter, with
     * what it is for and its examples (on an operation without {@code @Consumes}, examples of an annotation were lost).
     */
    private static void changeBody(Operation operation) {
        operation.getRequestBody().required(false).description(CHANGE_BODY_DOC).getContent()
                .getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
                .addExample("with a reason", OASFactory.createExample().value(json(ApiExamples.CHANGE_REQUEST)))
                .addExample("with the caller's verification",
                        OASFactory.createExample().value(json(ApiExamples.VERIFIED_CHANGE_REQUEST)));
    }

    /** A reference to each of {@code problems} (by status) for a status the operation has no response for yet. */
    private static void refer(Operation operation, Map<String, String> problems) {
        problems.forEach((status, name) -> {
            if (operation.getResponses().getAPIResponse(status) == null) {
                operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().ref(name));
            }
        });
    }

    /** Responses by status (200 first, default last), wherever each was declared, as Swagger UI lists them. */
    private static void inStatusOrder(Operation operation) {
        Map<String, APIResponse> ordered = new LinkedHashMap<>();
        operation.getResponses().getAPIResponses().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing((String status) -> status.equals("default"))
                        .thenComparing(Comparator.naturalOrder())))
                .forEachOrdered(entry -> ordered.put(entry.getKey(), entry.getValue()));
        operation.getResponses().setAPIResponses(ordered);
    }

    /**
     * Tags by their step number, the simulator last; paths by their first operation's place in the story, so that
     * Swagger UI (which keeps the document's order) lists verification before the changes that need it.
     */
    private static void inStoryOrder(OpenAPI openAPI) {
        if (openAPI.getTags() != null) {
            openAPI.setTags(openAPI.getTags().stream()
                    .sorted(Comparator.comparing(tag -> SIMULATOR_TAG.equals(tag.getName()) ? "~" : tag.getName())).toList());
        }
        Map<String, PathItem> ordered = new LinkedHashMap<>();
        openAPI.getPaths().getPathItems().entrySet().stream()
                .sorted(Comparator.comparingInt(entry -> entry.getValue().getOperations().values().stream()
                        .mapToInt(operation -> STORY.indexOf(operation.getOperationId()) < 0 ? STORY.size()
                                : STORY.indexOf(operation.getOperationId()))
                        .min().orElse(STORY.size())))
                .forEachOrdered(entry -> ordered.put(entry.getKey(), entry.getValue()));
        openAPI.getPaths().setPathItems(ordered);
    }

    private static org.eclipse.microprofile.openapi.models.headers.Header requestIdHeader() {
        return OASFactory.createHeader().description("This request's trace id")
                .schema(OASFactory.createSchema().addType(SchemaType.STRING));
    }

    /** A problem response of {@link ApiProblems}, with its examples and headers. */
    private static APIResponse declared(ApiProblems.Declared declared) {
        MediaType mediaType = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF));
        declared.examples().forEach((name, example) -> mediaType.addExample(name, OASFactory.createExample()
                .value(example instanceof ProblemCode code ? example(code) : json((String) example))));
        APIResponse response = OASFactory.createAPIResponse().description(declared.description())
                .content(OASFactory.createContent().addMediaType(ProblemMapper.PROBLEM_JSON, mediaType))
                .addHeader(RequestIdFilter.HEADER, requestIdHeader());
        if (RETRY_AFTER.contains(String.valueOf(declared.status()))) {
            response.addHeader("Retry-After", OASFactory.createHeader()
                    .description("Seconds to wait before trying again (on a 409: with CHANGE_IN_PROGRESS only)")
                    .schema(OASFactory.createSchema().addType(SchemaType.INTEGER)));
        }
        return response;
    }

    /**
     * The simulator's own routes (Vert.x, not JAX-RS), so that a tester can lock a wallet, make the gateway slow and
     * lossy, and put the demo back, from Swagger UI.
     */
    private static void simulatorControls(OpenAPI openAPI) {
        openAPI.addTag(OASFactory.createTag().name(SIMULATOR_TAG)
                .description("The embedded gateway simulator (dev mode): lock a wallet as too many failed logins would, "
                        + "make the gateway slow and lossy, and put the whole demo back. Not part of the service's API; "
                        + "no token needed."));
        Operation lock = simulatorOperation("lockSimulatedWallet", "Lock a simulated wallet, as too many failed logins would")
                .addParameter(OASFactory.createParameter().name("customerId").in(
                        org.eclipse.microprofile.openapi.models.parameters.Parameter.In.PATH).required(true)
                        .example("vmiTxZcaSEym").schema(OASFactory.createSchema().addType(SchemaType.STRING)))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("204", OASFactory.createAPIResponse().description("Locked"))
                        .addAPIResponse("404", problem("CUSTOMER_NOT_FOUND: no simulated customer with that id",
                                Map.of("CUSTOMER_NOT_FOUND", ApiExamples.SIMULATED_CUSTOMER_NOT_FOUND))));
        Schema faults = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("Latencies in milliseconds; rates are fractions of calls (0 to 1, together at most 1)")
                .addProperty("lookupLatencyMs", OASFactory.createSchema().addType(SchemaType.INTEGER).minimum(BigDecimal.ZERO))
                .addProperty("activationLatencyMs", OASFactory.createSchema().addType(SchemaType.INTEGER).minimum(BigDecimal.ZERO));
        for (String rate : List.of("serverErrorRate", "resetRate", "garbledRate", "lostAnswerRate")) {
            faults.addProperty(rate, OASFactory.createSchema().addType(SchemaType.NUMBER).minimum(BigDecimal.ZERO).maximum(BigDecimal.ONE));
        }
        Operation getFaults = simulatorOperation("simulatorFaults", "How slow and lossy the simulated gateway is now")
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse()
                        .description("The fault mode in force").content(OASFactory.createContent().addMediaType(
                                "application/json", OASFactory.createMediaType().schema(faults)))));
        Operation setFaults = simulatorOperation("setSimulatorFaults", "Make the simulated gateway slow and lossy")
                .description("From now on until the next reset: writes take activationLatencyMs and are applied at its "
                        + "end whether or not the caller still waits; each call fails with a 503, a reset connection, a "
                        + "garbled answer (after applying) or a lost answer (after applying) at the given rates.")
                .requestBody(OASFactory.createRequestBody().required(true).content(OASFactory.createContent()
                        .addMediaType("application/json", OASFactory.createMediaType().schema(faults)
                                .addExample("slow and lossy", OASFactory.createExample().value(json(ApiExamples.SIMULATOR_FAULTS)))
                                .addExample("healthy again", OASFactory.createExample().value(json(ApiExamples.SIMULATOR_NO_FAULTS))))))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("204", OASFactory.createAPIResponse().description("In force"))
                        .addAPIResponse("400", problem("VALIDATION_FAILED: not such an object, or rates outside 0-1 or adding up to more than 1",
                                Map.of("VALIDATION_FAILED", ApiExamples.SIMULATOR_BAD_FAULTS))));
        Operation reset = simulatorOperation("resetSimulator", "Put the whole demo back")
                .description("Every simulated wallet as seeded, the fault mode as configured, and the service's own demo "
                        + "state: the care journal's finished entries (history), failed-verification counts and the "
                        + "changes counted against each agent.")
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("204", OASFactory.createAPIResponse().description("Reset")));
        openAPI.getPaths()
                .addPathItem("/simulator/customers/{customerId}/lock", OASFactory.createPathItem().POST(lock))
                .addPathItem("/simulator/faults", OASFactory.createPathItem().GET(getFaults).PUT(setFaults))
                .addPathItem("/simulator/reset", OASFactory.createPathItem().POST(reset));
    }

    private static Operation simulatorOperation(String id, String summary) {
        return OASFactory.createOperation().operationId(id).addTag(SIMULATOR_TAG).summary(summary).security(List.of());
    }

    /**
     * A problem as the service answers it where nothing more specific is known: the members {@link Problem#of} sets,
     * in the order Jackson writes them. Built here, not converted with Jackson: that made this filter's own
     * ObjectMapper introspect {@link Problem} and the {@code Customer} it can carry at every start, 17-51 ms on a busy
     * machine (bench/RESULTS.md, "Start-up: what ran that need not"); the mapper now only reads the examples written
     * out as JSON text.
     * OpenApiFilterTest checks that both give the same JSON for every code.
     */
    static Map<String, Object> example(ProblemCode code) {
        Problem problem = Problem.of(code, ProblemMapper.detail(code), EXAMPLE_REQUEST_ID);
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", problem.type());
        example.put("title", problem.title());
        example.put("status", problem.status());
        example.put("detail", problem.detail());
        example.put("code", problem.code().name());
        example.put("requestId", problem.requestId());
        return example;
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
