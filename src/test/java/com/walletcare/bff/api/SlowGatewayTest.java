package com.walletcare.bff.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import com.walletcare.bff.customer.WalletState;
import com.walletcare.bff.testing.GatewayTest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * The bounds on waiting, with short ones: a caller waits at most care.answer-timeout for its change (1 s here) and a
 * change waits at most care.change-wait for another one to the same wallet (0.5 s here). The gateway takes 1.5 s to
 * answer each write, beyond the 1 s read timeout, and applies it on receipt.
 */
@QuarkusTest
@TestProfile(SlowGatewayTest.ShortWaits.class)
class SlowGatewayTest extends GatewayTest {

    public static class ShortWaits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("care.answer-timeout", "1s", "care.change-wait", "500ms");
        }
    }

    private static final String ID = "vmiTxZcaSEym";
    private static final WalletState LOCKED = new WalletState(true, true);
    private static final WalletState HALF_UNLOCKED = new WalletState(false, true);

    private void slowWrites() {
        walletAtGateway(ID, true, true);
        gateway.stubFor(appliedIn(LOCKED, false).atPriority(1).willReturn(json(ACTIVATION_SUCCESS).withFixedDelay(1_500)));
        gateway.stubFor(appliedIn(HALF_UNLOCKED, true).atPriority(1).willReturn(json(ACTIVATION_SUCCESS).withFixedDelay(1_500)));
    }

    @Test
    void aChangeThatOutlastsTheAnswerTimeoutSaysItMayStillBeAppliedAndThenCompletes() throws Exception {
        slowWrites();

        client().when().post("/customers/" + ID + "/unlock")
                .then().statusCode(504).body("code", Matchers.equalTo("GATEWAY_TIMEOUT"))
                .body("detail", Matchers.containsString("may still be applied"));

        // The unlock goes on after the answer: both writes and the lookups between them, then nothing more.
        awaitDelayedAnswers(3_000);
        assertEquals(new WalletState(true, false), walletAtGatewayNow());
        assertEquals(List.of("false", "true"), activationsSent());
    }

    @Test
    void anotherChangeToTheSameWalletIsRefusedWithRetryAfterWhenTheFirstOutlastsTheWait() throws Exception {
        slowWrites();
        CompletableFuture<Response> unlock = CompletableFuture.supplyAsync(
                () -> client().when().post("/customers/" + ID + "/unlock"));
        Thread.sleep(200);

        client().when().post("/customers/" + ID + "/deactivate")
                .then().statusCode(409).body("code", Matchers.equalTo("CHANGE_IN_PROGRESS"))
                .header("Retry-After", Matchers.equalTo("2"));

        unlock.get();
        awaitDelayedAnswers(3_000);
        assertEquals(new WalletState(true, false), walletAtGatewayNow());
        assertEquals(List.of("false", "true"), activationsSent(), "the refused deactivation sent nothing");
    }
}
