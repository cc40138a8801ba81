package com.walletcare.bff.api;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.walletcare.bff.testing.CallerVerificationProfile;
import com.walletcare.bff.testing.GatewayTest;
import com.walletcare.bff.testing.MovableClock;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/** Guessing is bounded: 2 failed verifications per customer and 10-second window (CallerVerificationProfile). */
@QuarkusTest
@TestProfile(CallerVerificationProfile.class)
class VerificationAttemptsTest extends GatewayTest {

    private static final long WINDOW_MILLIS = CallerVerificationProfile.WINDOW_SECONDS * 1000;
    private static final String WRONG = "{\"birthday\": \"01/01/1970\", \"zip\": \"92651\"}";
    private static final String RIGHT = "{\"birthday\": \"07/10/1969\", \"zip\": \"92651\"}";

    private String id;

    @Inject
    MovableClock clock;

    /** A test's attempts must fall in one window, so each starts a window afresh. */
    @BeforeEach
    void paulEarlyInAWindow() {
        id = "paul-" + UUID.randomUUID().toString().substring(0, 8);
        gateway.stubFor(lookupCall().willReturn(json(lookupAnswer(record(id, true, true)))));
        awaitNextWindow();
    }

    private void awaitNextWindow() {
        clock.toNextWindow(Duration.ofMillis(WINDOW_MILLIS));
    }

    private ValidatableResponse verify(String customerId, String answers) {
        return client().body(answers).when().post("/customers/" + customerId + "/verification").then();
    }

    @Test
    void afterTwoFailuresTheCustomerCannotBeVerifiedUntilTheNextWindowAndTheGatewayIsNotAsked() {
        verify(id, WRONG).statusCode(200).body("verified", equalTo(false));
        verify(id, WRONG).statusCode(200).body("verified", equalTo(false));
        int lookups = received(LOOKUP).size();

        String retryAfter = verify(id, RIGHT).statusCode(429).contentType("application/problem+json")
                .body("code", equalTo("TOO_MANY_ATTEMPTS")).body("status", equalTo(429))
                .extract().header("Retry-After");

        long seconds = Long.parseLong(retryAfter);
        assertTrue(seconds >= 1 && seconds <= CallerVerificationProfile.WINDOW_SECONDS + 1,
                "Retry-After " + retryAfter + " points into the next window");
        assertEquals(lookups, received(LOOKUP).size(), "no lookup for a refused attempt");

        awaitNextWindow();
        verify(id, RIGHT).statusCode(200).body("verified", equalTo(true));
    }

    @Test
    void successesDoNotCountAndOtherCustomersAreNotLimited() {
        for (int i = 0; i < 3; i++) {
            verify(id, RIGHT).statusCode(200).body("verified", equalTo(true));
        }
        verify(id, WRONG).statusCode(200);
        verify(id, WRONG).statusCode(200);
        verify(id, RIGHT).statusCode(429);

        String olivia = "olivia-" + UUID.randomUUID().toString().substring(0, 8);
        gateway.stubFor(lookupCall().willReturn(json(lookupAnswer(record(olivia, true, false)))));
        verify(olivia, RIGHT).statusCode(200).body("verified", equalTo(true));
    }
}
