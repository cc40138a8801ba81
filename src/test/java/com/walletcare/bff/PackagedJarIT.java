package com.walletcare.bff;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.walletcare.bff.api.Roles;
import com.walletcare.bff.testing.ContractValidation;
import com.walletcare.bff.testing.GatewayTest;
import com.walletcare.bff.testing.InjectGateway;
import com.walletcare.bff.testing.TestLog;
import com.walletcare.bff.testing.ManagementPort;
import com.walletcare.bff.testing.WireMockGateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The packaged application (aot-jar), started as the container image starts it, driven through the hot path: searches, reads,
 * an unlock and the everyday errors. On JDK 24+ it runs with the options of docker/jvm.options (pom.xml, profile
 * "aot"), less the AOT cache, which the build's own training step ({@code com.walletcare.bff.aot.AotTraining})
 * makes and checks.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(WireMockGateway.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(value = ManagementPort.class, restrictToAnnotatedClass = true)
class PackagedJarIT {

    private static final String PAUL = "vmiTxZcaSEym";
    private static final String SEARCH = "{\"phone\": \"9991234444\"}";
    /** Repetitions of the search and the read: the packaged jar keeps answering, not only its first call. */
    private static final int ROUNDS = 50;

    @InjectGateway
    WireMockServer gateway;

    @BeforeEach
    void cleanGateway() {
        ContractValidation.install();
        gateway.resetAll();
    }

    private static RequestSpecification as(String role) {
        return RestAssured.given().contentType(ContentType.JSON).accept(ContentType.JSON)
                .auth().oauth2(GatewayTest.token(role + "-user", role));
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    void searchesReadsAndUnlocksWithAToken() {
        gateway.stubFor(post(urlEqualTo(GatewayTest.LOOKUP))
                .withRequestBody(matchingJsonPath("$..phone"))
                .willReturn(json(GatewayTest.resource("/gateway/seed-lookup-response.json"))));
        String token = GatewayTest.token("agent", Roles.AGENT);
        for (int i = 0; i < ROUNDS; i++) {
            RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON).body(SEARCH)
                    .when().post("/customers/search")
                    .then().statusCode(200).body("count", equalTo(2)).body("customers[1].status", equalTo("LOCKED"));
        }

        // Paul's wallet at the gateway: locked, then deactivated by the unlock, then active again.
        gateway.stubFor(lookupOfPaul(Scenario.STARTED, true, true));
        gateway.stubFor(lookupOfPaul("deactivated", false, true));
        gateway.stubFor(lookupOfPaul("active", true, false));
        gateway.stubFor(activation("false", Scenario.STARTED, "deactivated"));
        gateway.stubFor(activation("true", "deactivated", "active"));
        as(Roles.VIEWER).when().get("/customers/" + PAUL).then().statusCode(200).body("status", equalTo("LOCKED"));
        as(Roles.AGENT).when().post("/customers/" + PAUL + "/unlock")
                .then().statusCode(200).body("outcome", equalTo("UNLOCKED")).body("customer.status", equalTo("ACTIVE"));
        for (int i = 0; i < ROUNDS; i++) {
            RestAssured.given().auth().oauth2(token).when().get("/customers/" + PAUL)
                    .then().statusCode(200).body("status", equalTo("ACTIVE"));
        }
    }

    private static MappingBuilder lookupOfPaul(String state, boolean active, boolean locked) {
        return post(urlEqualTo(GatewayTest.LOOKUP)).inScenario("paul").whenScenarioStateIs(state)
                .willReturn(json(GatewayTest.lookupAnswer(GatewayTest.record(PAUL, active, locked))));
    }

    private static MappingBuilder activation(String activate, String state, String next) {
        return post(urlEqualTo(GatewayTest.ACTIVATION)).inScenario("paul").whenScenarioStateIs(state)
                .withRequestBody(matchingJsonPath("$.updateCustomerActivationRequest.activate", WireMock.equalTo(activate)))
                .willReturn(json(GatewayTest.ACTIVATION_SUCCESS)).willSetStateTo(next);
    }

    @Test
    void answersTheEverydayErrorsWithProblemJson() {
        RestAssured.given().contentType(ContentType.JSON).body(SEARCH).when().post("/customers/search")
                .then().statusCode(401).contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
        as(Roles.VIEWER).when().post("/customers/" + PAUL + "/unlock")
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        as(Roles.AGENT).body("{}").when().post("/customers/search")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));

        gateway.stubFor(post(urlEqualTo(GatewayTest.LOOKUP)).willReturn(json(GatewayTest.lookupAnswer())));
        as(Roles.AGENT).when().get("/customers/nobody123")
                .then().statusCode(404).body("code", equalTo("CUSTOMER_NOT_FOUND"));

        // A method the path does not take, answered before routing with its Allow. (Refused partner credentials are
        // GatewayFailuresTest's: the service rightly logs them as an ERROR, and the jar's console reaches the build's.)
        as(Roles.AGENT).when().get("/customers/search")
                .then().statusCode(405).contentType("application/problem+json").header("Allow", "OPTIONS, POST")
                .body("code", equalTo("METHOD_NOT_ALLOWED"));
    }

    /**
     * The jar has no test exporter: with no OTLP endpoint configured it must export nothing and say nothing about it
     * (Quarkus' default would send every batch to localhost:4317 and log each failure). The test profile exports every
     * 20 ms (quarkus.otel.bsp.schedule.delay), so a second after sampled traces ended, dozens of batches would have failed.
     * Nor does it record spans only to drop them: the gateway gets each caller's trace, flagged "not sampled" (a
     * recorded span under a sampled caller would say 01).
     */
    @Test
    void withoutAnOtlpEndpointNothingIsRecordedOrExportedAndNothingLoggedAboutIt() throws InterruptedException {
        gateway.stubFor(post(urlEqualTo(GatewayTest.LOOKUP)).willReturn(json(GatewayTest.lookupAnswer())));
        int before = TestLog.lines().size();
        for (int i = 0; i < 5; i++) {
            as(Roles.VIEWER).header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e473" + i + "-00f067aa0ba902b7-01")
                    .body(SEARCH).when().post("/customers/search").then().statusCode(200);
        }
        Thread.sleep(1000);

        List<String> noise = TestLog.recordsAfter(before).stream()
                // Quarkus' own loggers say WARN and ERROR; java.util.logging ones (the OTLP sender's) WARNING and SEVERE.
                .filter(r -> Set.of("WARN", "WARNING", "ERROR", "SEVERE", "FATAL").contains(r.path("level").asText()))
                .filter(r -> (r.path("loggerName").asText() + " " + r.path("message").asText()).toLowerCase(Locale.ROOT)
                        .matches("(?s).*(opentelemetry|otlp|export|4317).*"))
                .map(JsonNode::toString).toList();
        assertEquals(List.of(), noise);
        List<String> sent = gateway.findAll(postRequestedFor(urlEqualTo(GatewayTest.LOOKUP))).stream()
                .map(request -> request.getHeader("traceparent")).toList();
        assertEquals(5, sent.size(), sent.toString());
        for (int i = 0; i < 5; i++) {
            String trace = "00-4bf92f3577b34da6a3ce929d0e0e473" + i + "-";
            assertTrue(sent.stream().anyMatch(header -> header.startsWith(trace) && header.endsWith("-00")), sent.toString());
        }
    }

    @Test
    void isLiveAndReadyOnTheManagementInterface() {
        String management = "http://127.0.0.1:" + managementPort();
        RestAssured.when().get(management + "/q/health/live").then().statusCode(200);
        RestAssured.when().get(management + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        RestAssured.when().get(management + "/q/metrics").then().statusCode(200);
    }

    /** What an ingress exposes never carries metrics (Java class names, request paths) nor health details. */
    @Test
    void thePublicPortServesNeitherMetricsNorHealth() {
        for (String path : new String[] { "/q/metrics", "/q/health", "/q/health/ready" }) {
            RestAssured.given().accept(ContentType.JSON).when().get(path).then().statusCode(404);
        }
        RestAssured.when().get("/q/openapi").then().statusCode(200);
    }

    private static int managementPort() {
        int port = ManagementPort.port();
        assertTrue(port > 0, "the management port was handed to the jar");
        return port;
    }
}
