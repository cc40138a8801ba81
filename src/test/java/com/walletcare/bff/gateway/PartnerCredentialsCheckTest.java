package com.walletcare.bff.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.walletcare.bff.testing.ExpectedErrorLog;
import com.walletcare.bff.testing.GatewayTest;
import com.walletcare.bff.testing.TestLog;
import com.walletcare.bff.testing.TightLimitsProfile;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * The start-up check of the partner credentials, over real HTTP against a WireMock gateway. In order: the verdict
 * is kept once the gateway accepted the credentials, so that case comes last.
 */
@QuarkusTest
@TestProfile(TightLimitsProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartnerCredentialsCheckTest extends GatewayTest {

    @Test
    @Order(1)
    void anUnreachableGatewayDoesNotBlockTheStartButIsLoggedOnce() {
        int before = TestLog.lines().size();
        gateway.stubFor(lookupCall().willReturn(aResponse().withStatus(503)));

        for (int i = 0; i < 2; i++) {
            RestAssured.when().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
        }

        List<JsonNode> warnings = logged(before, "WARN", "The partner credentials could not be checked");
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals(2, received(LOOKUP).size(), "one lookup per probe, no retries");
    }

    @Test
    @Order(2)
    @ExtendWith(ExpectedErrorLog.class)
    void aRefusedPartnerTokenKeepsStartedDownWithOneErrorUntilTheGatewayAcceptsIt() {
        int before = TestLog.lines().size();
        gateway.stubFor(lookupCall().willReturn(aResponse().withStatus(401)));

        for (int i = 0; i < 3; i++) {
            RestAssured.when().get("/q/health/started").then().statusCode(503).body("status", equalTo("DOWN"))
                    .body("checks[0].data.credentials", equalTo("refused: check PAYDIANT_PARTNER_TOKEN"));
            client().body("{\"phone\": \"9991234444\"}").when().post("/customers/search")
                    .then().statusCode(502).body("code", equalTo("GATEWAY_AUTH_FAILED"));
        }
        List<JsonNode> errors = logged(before, "ERROR", "The Paydiant gateway refused the partner credentials");
        assertEquals(1, errors.size(), "one ERROR for 6 refused calls: " + errors);
        assertTrue(errors.get(0).path("message").asText().contains("PAYDIANT_PARTNER_TOKEN"));
        assertTrue(TestLog.lines().stream().noneMatch(line -> line.contains("test-partner-token")), "the token is never logged");

        gateway.stubFor(lookupCall().willReturn(json(lookupAnswer())));
        RestAssured.when().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
        int lookups = received(LOOKUP).size();
        RestAssured.when().get("/q/health/started").then().statusCode(200);
        assertEquals(lookups, received(LOOKUP).size(), "an accepted verdict is kept");
        assertTrue(received(LOOKUP).get(0).getBodyAsString().contains("\"customerId\":\"wallet-care-credentials-check\""));
    }

    private static List<JsonNode> logged(int afterLine, String level, String messageStart) {
        return TestLog.recordsAfter(afterLine).stream().filter(r -> level.equals(r.path("level").asText())
                && r.path("message").asText().startsWith(messageStart)).toList();
    }
}
