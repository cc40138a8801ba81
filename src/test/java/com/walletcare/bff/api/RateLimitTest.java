package com.walletcare.bff.api;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.walletcare.bff.testing.GatewayTest;
import com.walletcare.bff.testing.MovableClock;
import com.walletcare.bff.testing.TightLimitsProfile;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;

/** The per-agent change limit, at 5 changes a minute (TightLimitsProfile). */
@QuarkusTest
@TestProfile(TightLimitsProfile.class)
class RateLimitTest extends GatewayTest {

    private static final String ID = "vmiTxZcaSEym";
    private static final String[] CHANGES = { "unlock", "activate", "deactivate", "activate", "unlock" };

    @Inject
    MovableClock clock;

    /** The limit counts in fixed minutes: a test's changes must all fall in one, so each starts a minute afresh. */
    @BeforeEach
    void startOfAMinute() {
        clock.toNextWindow(Duration.ofMinutes(1));
        gateway.stubFor(lookupCall().willReturn(json(lookupAnswer(record(ID, true, false)))));
        gateway.stubFor(activationCall().willReturn(json(ACTIVATION_SUCCESS)));
    }

    private static RequestSpecification agent(String subject) {
        return anonymous().auth().oauth2(token(subject, Roles.AGENT));
    }

    private static String newAgent() {
        return "agent-" + UUID.randomUUID();
    }

    private static void fiveChanges(String subject) {
        for (String change : CHANGES) {
            agent(subject).when().post("/customers/" + ID + "/" + change).then().statusCode(200);
        }
    }

    @Test
    void theSixthChangeOfOneAgentInAMinuteIsRefusedWithoutCallingTheGateway() {
        String mallory = newAgent();
        fiveChanges(mallory);
        int lookups = received(LOOKUP).size();
        int activations = received(ACTIVATION).size();

        String retryAfter = agent(mallory).when().post("/customers/" + ID + "/deactivate")
                .then().statusCode(429).contentType("application/problem+json")
                .body("code", equalTo("RATE_LIMITED")).body("status", equalTo(429))
                .extract().header("Retry-After");

        long seconds = Long.parseLong(retryAfter);
        assertTrue(seconds >= 1 && seconds <= 61, "Retry-After " + retryAfter + " points into the next minute");
        assertEquals(lookups, received(LOOKUP).size(), "no lookup for a refused change");
        assertEquals(activations, received(ACTIVATION).size(), "no activation call for a refused change");
    }

    @Test
    void anotherAgentIsNotLimitedByTheFirst() {
        String mallory = newAgent();
        fiveChanges(mallory);
        agent(mallory).when().post("/customers/" + ID + "/unlock").then().statusCode(429);

        agent(newAgent()).when().post("/customers/" + ID + "/unlock").then().statusCode(200);
    }

    @Test
    void readsAreNotLimited() {
        String mallory = newAgent();
        fiveChanges(mallory);
        agent(mallory).when().post("/customers/" + ID + "/activate").then().statusCode(429);

        for (int i = 0; i < 6; i++) {
            agent(mallory).when().get("/customers/" + ID).then().statusCode(200);
            agent(mallory).body("{\"customerId\": \"" + ID + "\"}").when().post("/customers/search").then().statusCode(200);
        }
    }
}
