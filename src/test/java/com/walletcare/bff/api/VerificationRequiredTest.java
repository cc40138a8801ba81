package com.walletcare.bff.api;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.walletcare.bff.care.VerificationTokens;
import com.walletcare.bff.testing.CallerVerificationProfile;
import com.walletcare.bff.testing.GatewayTest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

/**
 * With every change listed in care.verification.required-for (CallerVerificationProfile), a change goes ahead only
 * with a valid verification of that customer by that agent; anything else is 428 before any gateway call.
 */
@QuarkusTest
@TestProfile(CallerVerificationProfile.class)
class VerificationRequiredTest extends GatewayTest {

    private static final String ID = "vmiTxZcaSEym";
    private static final String AGENT = Roles.AGENT + "-user";

    @Inject
    VerificationTokens tokens;

    @BeforeEach
    void paulAtTheGateway() {
        walletAtGateway(ID, true, true);
    }

    private static ValidatableResponse change(String action, String body) {
        return client().body(body).when().post("/customers/" + ID + "/" + action).then();
    }

    private static String with(String verificationId) {
        return "{\"verificationId\": \"" + verificationId + "\", \"reason\": \"FAILED_LOGINS\"}";
    }

    private void refusedWithoutAskingTheGateway(String action, String body) {
        change(action, body).statusCode(428).contentType("application/problem+json")
                .body("code", equalTo("VERIFICATION_REQUIRED")).body("status", equalTo(428));
        assertEquals(0, received(LOOKUP).size() + received(ACTIVATION).size(), "the gateway was called");
    }

    @ParameterizedTest
    @ValueSource(strings = { "unlock", "activate", "deactivate" })
    void aProtectedChangeWithoutAVerificationIsRefused(String action) {
        refusedWithoutAskingTheGateway(action, "{}");
        refusedWithoutAskingTheGateway(action, "{\"reason\": \"FAILED_LOGINS\"}");
        client().when().post("/customers/" + ID + "/" + action).then().statusCode(428);
    }

    @ParameterizedTest
    @ValueSource(strings = { "unlock", "activate", "deactivate" })
    void aProtectedChangeGoesAheadWithTheVerificationOfThisCallerByThisAgent(String action) {
        String verificationId = client().body("{\"birthday\": \"07/10/1969\", \"zip\": \"92651\"}")
                .when().post("/customers/" + ID + "/verification")
                .then().statusCode(200).body("verified", equalTo(true)).extract().path("verificationId");

        change(action, with(verificationId)).statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = { "unlock", "activate", "deactivate" })
    void aWrongForeignOrExpiredVerificationIsTheSameAsNone(String action) {
        refusedWithoutAskingTheGateway(action, with("vf_garbage"));
        refusedWithoutAskingTheGateway(action, with(tokens.issue(ID, "another-agent", Instant.now().plusSeconds(600))));
        refusedWithoutAskingTheGateway(action, with(tokens.issue("latYxDdNJhzm", AGENT, Instant.now().plusSeconds(600))));
        refusedWithoutAskingTheGateway(action, with(tokens.issue(ID, AGENT, Instant.now().minusSeconds(1))));
    }
}
