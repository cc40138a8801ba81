package com.walletcare.bff.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.walletcare.bff.customer.WalletState;
import com.walletcare.bff.testing.EmbeddedDatabase;
import com.walletcare.bff.testing.GatewayTest;

import io.quarkus.test.junit.QuarkusTest;

/**
 * What a failed change says is worded by this service, about the wallet, and true once the gateway traffic it caused
 * has settled: never a library's message or a class name, and always whether the wallet was changed.
 */
@QuarkusTest
class FailureWordingTest extends GatewayTest {

    private static final String ID = "vmiTxZcaSEym";

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String database;
    private static final WalletState HALF_UNLOCKED = new WalletState(false, true);

    @Test
    void anUnlockWhoseActivationMeetsAnOpenBreakerAfterItsDeactivationIsReportedInThisServicesWords() throws Exception {
        // The unlock's deactivation landed earlier (the journal says so: it ended UNLOCK_INCOMPLETE) ...
        walletAtGateway(ID, false, true);
        EmbeddedDatabase.execute(database, """
                INSERT INTO wallet_change (id, customer_id, action, agent, request_id, status_before, status_after,
                                           outcome, completed_by, finished_at)
                VALUES ('01KBN6Z3Q8R2V5X7Y9A1C3E5G7', '%s', 'UNLOCK', 'agent.alice', 'earlier', 'LOCKED', 'DEACTIVATED',
                        'UNLOCK_INCOMPLETE', 'REQUEST', now())""".formatted(ID));
        // ... and since then other wallets' writes failed until the activation breaker opened.
        List<CompletableFuture<Integer>> others = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String other = "other" + i;
            gateway.stubFor(lookupCall().atPriority(1).withRequestBody(containing(other))
                    .willReturn(json(lookupAnswer(record(other, true, false)))));
            gateway.stubFor(activationCall().atPriority(1).withRequestBody(containing("uri-" + other))
                    .willReturn(aResponse().withStatus(503)));
        }
        for (int i = 0; i < 6; i++) {
            String other = "other" + i;
            others.add(CompletableFuture.supplyAsync(
                    () -> client().when().post("/customers/" + other + "/deactivate").then().extract().statusCode()));
        }
        for (CompletableFuture<Integer> other : others) {
            assertEquals(503, other.get());
        }

        client().when().post("/customers/" + ID + "/unlock").then().statusCode(502)
                .body("code", equalTo("UNLOCK_INCOMPLETE"))
                .body("customerStatus", equalTo("DEACTIVATED"))
                .body("detail", containsString("Repeat the unlock"))
                .body("detail", not(containsString("circuit breaker")))
                .body("detail", not(containsString("com.walletcare")))
                .body("detail", not(containsString("not changed")));
        assertEquals(HALF_UNLOCKED, walletAtGatewayNow());
        assertEquals(0, received(ACTIVATION).stream().filter(r -> r.getBodyAsString().contains("uri-" + ID)).count(),
                "the activation was never sent");
    }

    @Test
    void aDeactivateWhoseLookupGotAGarbledAnswerSaysTheWalletWasNotChanged() {
        gateway.stubFor(lookupCall().willReturn(json("{\"retrieveCustomerLookUpInfoResponse\": {\"status\": ")));

        client().when().post("/customers/" + ID + "/deactivate").then().statusCode(502)
                .body("code", equalTo("GATEWAY_REJECTED"))
                .body("detail", endsWith("The wallet was not changed."));

        assertEquals(List.of(), activationsSent());
    }
}
