package com.walletcare.bff.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.walletcare.bff.testing.GatewayTest;
import com.walletcare.bff.testing.TestLog;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** What operators see: metrics after real calls, and readiness that reports the gateway's circuits. */
@QuarkusTest
class ObservabilityTest extends GatewayTest {

    private static final String ID = "vmiTxZcaSEym";

    @Test
    void gatewayCallsRetriesAndWalletActionsAreCounted() {
        gateway.stubFor(lookupCall().willReturn(json(lookupAnswer(record(ID, true, true)))));
        gateway.stubFor(activationCall().willReturn(json(ACTIVATION_SUCCESS)));
        client().when().post("/customers/" + ID + "/unlock").then().statusCode(200);
        gateway.stubFor(lookupCall().willReturn(aResponse().withStatus(503)));
        client().body("{\"phone\": \"9991234444\"}").when().post("/customers/search").then().statusCode(503);

        RestAssured.when().get("/q/metrics").then().statusCode(200)
                .body(matchesPattern("(?s).*gateway_calls_seconds_count\\{[^}]*operation=\"lookup\"[^}]*outcome=\"success\"[^}]*} [1-9].*"))
                .body(matchesPattern("(?s).*gateway_calls_seconds_count\\{[^}]*operation=\"activation\"[^}]*outcome=\"success\"[^}]*} [1-9].*"))
                .body(matchesPattern("(?s).*gateway_calls_seconds_count\\{[^}]*operation=\"lookup\"[^}]*outcome=\"unavailable\"[^}]*} [1-9].*"))
                .body(matchesPattern("(?s).*wallet_actions_total\\{[^}]*action=\"UNLOCK\"[^}]*outcome=\"UNLOCKED\"[^}]*} [1-9].*"))
                .body(matchesPattern("(?s).*ft_retry_retries_total\\{[^}]*method=\"com.walletcare.bff.gateway.PaydiantGateway.lookup\"[^}]*} [1-9].*"))
                .body(containsString("ft_circuitbreaker_state_total"));
    }

    @Test
    void aBreakerLogsOneWarningWhenItOpensAndOneInfoWhenItClosesAgain() {
        int before = TestLog.lines().size();
        gateway.stubFor(lookupCall().willReturn(aResponse().withStatus(500)));
        for (int i = 0; i < 6; i++) { // opens after the 6 attempts of the first two; the rest fail fast
            client().body("{\"phone\": \"9991234444\"}").when().post("/customers/search").then().statusCode(503);
        }
        gateway.stubFor(lookupCall().willReturn(json(lookupAnswer())));
        // %test: the breaker lets a trial call through after 2 s; its success closes it.
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> client()
                .body("{\"phone\": \"9991234444\"}").when().post("/customers/search").statusCode() == 200);

        List<JsonNode> logged = TestLog.recordsAfter(before);
        assertEquals(1, count(logged, "WARN", "Circuit breaker paydiant-lookup opened"), logged.toString());
        assertEquals(1, count(logged, "INFO", "Circuit breaker paydiant-lookup closed again"), logged.toString());
    }

    private static long count(List<JsonNode> records, String level, String messageStart) {
        return records.stream().filter(r -> level.equals(r.path("level").asText())
                && r.path("message").asText().startsWith(messageStart)).count();
    }

    @Test
    void readinessReportsTheCircuitsAndStaysUpWhenOneIsOpen() {
        RestAssured.when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'paydiant-gateway' }.data.'paydiant-lookup'", equalTo("CLOSED"));

        gateway.stubFor(lookupCall().willReturn(aResponse().withStatus(500)));
        for (int i = 0; i < 3; i++) {
            client().body("{\"phone\": \"9991234444\"}").when().post("/customers/search").then().statusCode(503);
        }

        RestAssured.when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'paydiant-gateway' }.data.'paydiant-lookup'", equalTo("OPEN"));
        RestAssured.when().get("/q/health/live").then().statusCode(200);
    }
}
