package com.walletcare.bff.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.walletcare.bff.testing.GatewayTest;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The OpenAPI document as a Swagger UI tester uses it, against the embedded simulator: what it prefills works as
 * given, in the order it lists the operations, and what it says of null is what the service does with null.
 */
@QuarkusTest
class SwaggerStoryTest extends GatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL self;

    @BeforeEach
    void aFreshDemoBehindTheGateway() {
        gateway.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(self.toString().replaceAll("/$", ""))));
        RestAssured.when().post("/simulator/reset").then().statusCode(204);
    }

    private static JsonNode document() {
        try {
            return JSON.readTree(RestAssured.given().accept("application/json").when().get("/q/openapi").asString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Execute, as Swagger UI does it: each path parameter's example, the first example of the body. */
    @Test
    void everyOperationOfTheStoryWorksWithWhatSwaggerUiPrefills() {
        JsonNode paths = document().path("paths");
        paths.fieldNames().forEachRemaining(path -> paths.path(path).fields().forEachRemaining(entry -> {
            if (!path.startsWith("/customers")) {
                return;
            }
            JsonNode operation = entry.getValue();
            String target = path;
            for (JsonNode parameter : operation.path("parameters")) {
                if ("path".equals(parameter.path("in").asText())) {
                    target = target.replace("{" + parameter.path("name").asText() + "}", parameter.path("example").asText());
                }
            }
            RequestSpecification request = client();
            JsonNode examples = operation.path("requestBody").path("content").path("application/json").path("examples");
            if (examples.size() > 0) {
                request.body(examples.elements().next().path("value").toString());
            }
            Response answer = request.when().request(entry.getKey().toUpperCase(), target);
            assertTrue(answer.statusCode() / 100 == 2, entry.getKey() + " " + target + " with its prefilled example: "
                    + answer.statusCode() + " " + answer.asString());
        }));
    }

    /** A verificationId is good for one customer and agent: an example with a real-looking one can only get a 428. */
    @Test
    void noRequestExampleCarriesAMadeUpVerificationId() {
        JsonNode paths = document().path("paths");
        paths.fieldNames().forEachRemaining(path -> paths.path(path).fields().forEachRemaining(entry -> {
            String examples = entry.getValue().path("requestBody").toString();
            assertFalse(examples.matches("(?s).*\"verificationId\"\\s*:\\s*\"vf_[0-9]+\\..*"),
                    entry.getKey() + " " + path + " has a verificationId that looks real: " + examples);
        }));
    }

    @Test
    void nullIsAcceptedExactlyWhereTheSchemaSaysNullable() {
        JsonNode schemas = document().path("components").path("schemas");
        Map<String, String> valid = Map.of(
                "SearchRequest", "{\"customerId\": \"vmiTxZcaSEym\"}",
                "VerificationRequest", "{\"zip\": \"92651\"}",
                "ChangeRequest", "{}");
        Map<String, String> otherwise = Map.of(
                "SearchRequest", "{\"phone\": \"9991234444\"}",
                "VerificationRequest", "{\"birthday\": \"07/10/1969\"}",
                "ChangeRequest", "{}");
        Map<String, String> paths = Map.of(
                "SearchRequest", "/customers/search",
                "VerificationRequest", "/customers/vmiTxZcaSEym/verification",
                // Olivia is active: nothing is written to the gateway.
                "ChangeRequest", "/customers/latYxDdNJhzm/activate");
        for (String schema : List.of("SearchRequest", "VerificationRequest", "ChangeRequest")) {
            schemas.path(schema).path("properties").fields().forEachRemaining(property -> {
                try {
                    ObjectNode body = (ObjectNode) JSON.readTree(valid.get(schema));
                    if (body.has(property.getKey())) {
                        body = (ObjectNode) JSON.readTree(otherwise.get(schema));
                    }
                    body.putNull(property.getKey());
                    int status = client().body(body.toString()).when().post(paths.get(schema)).statusCode();
                    boolean nullable = property.getValue().path("nullable").asBoolean(false);
                    assertTrue(nullable ? status / 100 == 2 : status == 400,
                            schema + "." + property.getKey() + (nullable ? " is nullable" : " is not nullable")
                                    + ", and null got " + status);
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
            });
        }
    }
}
