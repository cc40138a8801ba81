package com.walletcare.bff.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.walletcare.bff.care.ActionResult;
import com.walletcare.bff.care.VerificationResult;
import com.walletcare.bff.customer.Address;
import com.walletcare.bff.customer.Customer;
import com.walletcare.bff.customer.Device;
import com.walletcare.bff.care.History;
import com.walletcare.bff.care.HistoryEntry;
import com.walletcare.bff.testing.ContractValidation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

@QuarkusTest
@SuppressWarnings("unchecked")
class OpenApiTest {

    @BeforeEach
    void validateResponses() {
        ContractValidation.install();
    }

    @Test
    void documentsEveryOperationWithExamplesAndErrors() {
        RestAssured.given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/customers/search'.post.operationId", equalTo("searchCustomers"))
                .body("paths.'/customers/search'.post.summary", notNullValue())
                .body("paths.'/customers/search'.post.requestBody.content.'application/json'.examples", hasKey("by phone"))
                .body("paths.'/customers/search'.post.responses.'200'.content.'application/json'.examples",
                        hasKey("Olivia and Paul share a phone"))
                .body("paths.'/customers/search'.post.responses", hasKey("400"))
                .body("paths.'/customers/search'.post.responses", hasKey("413"))
                .body("paths.'/customers/search'.post.responses", hasKey("503"))
                .body("paths.'/customers/search'.post.responses", hasKey("504"))
                .body("paths.'/customers/search'.post.responses", hasKey("502"))
                .body("paths.'/customers/{id}'.get.operationId", equalTo("getCustomer"))
                .body("paths.'/customers/{id}'.get.parameters.find { it.name == 'id' }.description", equalTo("The gateway's customerId"))
                .body("paths.'/customers/{id}'.get.parameters.find { it.name == 'X-Request-Id' }.in", equalTo("header"))
                .body("paths.'/customers/{id}'.get.responses.'404'.'$ref'", equalTo("#/components/responses/CustomerNotFound"))
                .body("components.responses.CustomerNotFound.content.'application/problem+json'.examples", hasKey("CUSTOMER_NOT_FOUND"))
                .body("paths", not(hasKey("/b2b-gateway/customers/lookup")))
                .body("paths.'/customers/{id}/unlock'.post.operationId", equalTo("unlockWallet"))
                .body("paths.'/customers/{id}/unlock'.post.responses.'200'.content.'application/json'.examples",
                        hasKey("ALREADY_UNLOCKED"))
                .body("paths.'/customers/{id}/unlock'.post.responses.'502'.'$ref'", equalTo("#/components/responses/UnlockFailed"))
                .body("components.responses.UnlockFailed.content.'application/problem+json'.examples", hasKey("UNLOCK_INCOMPLETE"))
                .body("paths.'/customers/{id}/unlock'.post.responses", hasKey("409"))
                .body("paths.'/customers/{id}/unlock'.post.responses", hasKey("403"))
                .body("paths.'/customers/{id}/unlock'.post.responses.'429'.'$ref'", equalTo("#/components/responses/RateLimited"))
                .body("components.responses.RateLimited.content.'application/problem+json'.examples", hasKey("RATE_LIMITED"))
                .body("paths.'/customers/{id}/activate'.post.operationId", equalTo("activateWallet"))
                .body("paths.'/customers/{id}/activate'.post.responses", hasKey("429"))
                .body("paths.'/customers/{id}/deactivate'.post.operationId", equalTo("deactivateWallet"))
                .body("paths.'/customers/{id}/deactivate'.post.responses", hasKey("429"))
                .body("paths.'/customers/search'.post.responses", not(hasKey("429")))
                .body("paths.'/customers/{id}'.get.responses", not(hasKey("429")))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("components.securitySchemes", not(hasKey("dev-basic")))
                .body("paths.'/customers/search'.post.security[0]", hasKey("bearer"));
    }

    /** Every change takes the same optional body, with its examples (Swagger UI prefills the first). */
    @ParameterizedTest
    @ValueSource(strings = { "unlock", "activate", "deactivate" })
    void everyChangesBodyIsOptionalWithItsExamples(String change) {
        String body = "paths.'/customers/{id}/" + change + "'.post.requestBody";
        RestAssured.given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body(body + ".required", equalTo(false))
                .body(body + ".content.'application/json'.schema.'$ref'", equalTo("#/components/schemas/ChangeRequest"))
                .body(body + ".content.'application/json'.examples", hasKey("with a reason"))
                .body(body + ".content.'application/json'.examples", hasKey("with the caller's verification"));
    }

    @Test
    void isOpenApi303WithServersLicenseAndContact() {
        RestAssured.given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("openapi", equalTo("3.0.3"))
                .body("servers[0].url", equalTo("/"))
                .body("info.license.name", notNullValue())
                .body("info.contact.name", notNullValue());
    }

    /** What a generated client relies on: what is always there is required, what can be null says so. */
    @ParameterizedTest
    @ValueSource(classes = { Customer.class, Address.class, Device.class, SearchResponse.class, ActionResult.class,
            VerificationResult.class, History.class, HistoryEntry.class })
    void everyComponentOfARecordWrittenInFullIsRequired(Class<? extends Record> record) {
        List<String> components = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();

        RestAssured.given().accept("application/json").when().get("/q/openapi")
                .then().body("components.schemas." + record.getSimpleName() + ".required", equalTo(components));
    }

    @Test
    void nullableFieldsAreNullableAndProblemsSayWhatIsAlwaysThere() {
        RestAssured.given().accept("application/json").when().get("/q/openapi")
                .then()
                .body("components.schemas.Customer.properties.lastLoginAt.nullable", equalTo(true))
                .body("components.schemas.Customer.properties.address.nullable", equalTo(true))
                .body("components.schemas.Customer.properties.id.nullable", nullValue())
                .body("components.schemas.Address.properties.line2.nullable", equalTo(true))
                .body("components.schemas.Device.properties.status.nullable", equalTo(true))
                .body("components.schemas.Problem.required",
                        equalTo(List.of("type", "title", "status", "detail", "code", "requestId")))
                .body("components.schemas.Problem.properties.customerStatus", not(hasKey("$ref")));
    }

    /** SmallRye wraps a referenced schema in allOf to annotate it; around an enum it once wrote type: object. */
    @Test
    void aPropertyThatSaysObjectRefersToAnObject() {
        Map<String, Map<String, Object>> schemas = RestAssured.given().accept("application/json").when().get("/q/openapi")
                .then().extract().path("components.schemas");
        schemas.forEach((name, schema) -> ((Map<String, Map<String, Object>>) schema.getOrDefault("properties", Map.of()))
                .forEach((property, definition) -> {
                    if ("object".equals(definition.get("type")) && definition.get("allOf") instanceof List<?> allOf) {
                        String ref = ((Map<String, String>) allOf.get(0)).get("$ref");
                        String target = ref.substring(ref.lastIndexOf('/') + 1);
                        assertEquals("object", schemas.get(target).get("type"),
                                name + "." + property + " says object but refers to " + target);
                    }
                }));
    }

    @Test
    void theSearchBodyStatesItsRules() {
        RestAssured.given().accept("application/json").when().get("/q/openapi")
                .then()
                .body("components.schemas.SearchRequest.additionalProperties", equalTo(false))
                .body("components.schemas.SearchRequest.minProperties", equalTo(1))
                .body("components.schemas.SearchRequest.properties.phone.pattern", notNullValue())
                .body("paths.'/customers/{id}'.get.parameters.find { it.name == 'id' }.schema.pattern",
                        equalTo("^[A-Za-z0-9_-]{1,64}$"));
    }

    @Test
    void everyDocumentedProblemHasAnExample() {
        Map<String, Object> document = RestAssured.given().accept("application/json").when().get("/q/openapi")
                .then().extract().path("$");
        Map<String, Map<String, Object>> declared = ((Map<String, Map<String, Map<String, Object>>>) document.get("components")).get("responses");
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        paths.forEach((path, item) -> item.forEach((method, operation) -> {
            Map<String, Map<String, Object>> responses = ((Map<String, Map<String, Map<String, Object>>>) operation).get("responses");
            responses.forEach((status, response) -> {
                Map<String, Object> resolved = response.containsKey("$ref")
                        ? declared.get(((String) response.get("$ref")).replace("#/components/responses/", ""))
                        : response;
                assertTrue(resolved != null, method + " " + path + " " + status + " refers to nothing: " + response);
                Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>) resolved.get("content");
                if (content != null && content.containsKey("application/problem+json")) {
                    assertTrue(content.get("application/problem+json").containsKey("examples"),
                            method + " " + path + " " + status + " has no example");
                }
            });
        }));
        RestAssured.given().accept("application/json").when().get("/q/openapi")
                .then()
                .body("components.responses.Unauthenticated.content.'application/problem+json'.examples.UNAUTHENTICATED.value.code",
                        equalTo("UNAUTHENTICATED"))
                .body("components.responses.AnyRequest.content.'application/problem+json'.examples", hasKey("METHOD_NOT_ALLOWED"));
    }

    /** One mechanism: every problem an operation of the API documents is a reference to a response declared once. */
    @Test
    void problemResponsesAreDeclaredOnceAndReferredTo() {
        Map<String, Map<String, Object>> paths = RestAssured.given().accept("application/json").when().get("/q/openapi")
                .then().extract().path("paths");
        paths.forEach((path, item) -> item.forEach((method, operation) -> {
            Map<String, Map<String, Object>> responses = ((Map<String, Map<String, Map<String, Object>>>) operation).get("responses");
            responses.forEach((status, response) -> {
                if (path.startsWith("/customers") && (status.equals("default") || status.compareTo("400") >= 0)) {
                    assertEquals(Set.of("$ref"), response.keySet(), method + " " + path + " " + status + " is not a reference");
                }
            });
        }));
        RestAssured.given().accept("application/json").when().get("/q/openapi")
                .then()
                .body("paths.'/customers/{id}/activate'.post.responses.'429'.'$ref'", equalTo("#/components/responses/RateLimited"))
                .body("paths.'/customers/{id}/deactivate'.post.responses.'429'.'$ref'", equalTo("#/components/responses/RateLimited"))
                .body("components.responses.RateLimited.headers", hasKey("Retry-After"))
                .body("components.responses.RateLimited.headers", hasKey("X-Request-Id"));
    }

    /** Swagger UI keeps the document's order: find the customer, verify the caller, change the wallet, review. */
    @Test
    void operationsAreListedAsTheSupportStoryGoes() {
        Map<String, Map<String, Map<String, Object>>> paths = RestAssured.given().accept("application/json").when()
                .get("/q/openapi").then().extract().path("paths");
        List<String> operations = new ArrayList<>();
        paths.values().forEach(item -> item.values().forEach(operation -> operations.add((String) operation.get("operationId"))));
        assertEquals(List.of("searchCustomers", "getCustomer", "verifyCaller", "unlockWallet", "activateWallet",
                "deactivateWallet", "walletHistory", "lockSimulatedWallet", "simulatorFaults", "setSimulatorFaults",
                "resetSimulator"), operations);
        List<String> tags = RestAssured.given().accept("application/json").when().get("/q/openapi").then().extract().path("tags.name");
        assertEquals(List.of(OpenApiFilter.FIND, OpenApiFilter.VERIFY, OpenApiFilter.CHANGE, OpenApiFilter.REVIEW, "Simulator"), tags);
    }

    @Test
    void theRequestSchemasStateTheRulesTheServiceApplies() {
        RestAssured.given().accept("application/json").when().get("/q/openapi")
                .then()
                .body("components.schemas.VerificationRequest.minProperties", equalTo(1))
                .body("paths.'/customers/{id}/history'.get.parameters.find { it.name == 'limit' }.schema.type", equalTo("integer"))
                .body("components.schemas.SearchRequest.properties.firstName.description", containsString("lastName"))
                .body("components.schemas.SearchRequest.properties.lastName.description", containsString("firstName"));
        String phone = RestAssured.given().accept("application/json").when().get("/q/openapi").then().extract()
                .path("components.schemas.SearchRequest.properties.phone.pattern");
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(phone);
        for (String valid : List.of("9991234", "(999) 123-4444", "+1 999 123 4444", "999123444412345")) {
            assertTrue(pattern.matcher(valid).find(), valid);
        }
        for (String invalid : List.of("999123", "9991234444123456", "999-abc-4444", "")) {
            assertTrue(!pattern.matcher(invalid).find(), invalid);
        }
    }

    @Test
    void theSimulatorsControlsHaveTheirOwnTagWhereItRuns() {
        RestAssured.given().accept("application/json").when().get("/q/openapi")
                .then()
                .body("paths.'/simulator/reset'.post.tags", equalTo(List.of("Simulator")))
                .body("paths.'/simulator/customers/{customerId}/lock'.post.operationId", equalTo("lockSimulatedWallet"));
    }

    @Test
    void swaggerUiIsServed() {
        RestAssured.when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
