package com.walletcare.bff.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import org.junit.jupiter.api.Test;

import com.walletcare.bff.testing.GatewayTest;

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
