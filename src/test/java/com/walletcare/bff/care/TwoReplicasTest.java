package com.walletcare.bff.care;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.walletcare.bff.api.Roles;
import com.walletcare.bff.customer.ChangeReason;
import com.walletcare.bff.customer.RequestTrace;
import com.walletcare.bff.customer.WalletAction;
import com.walletcare.bff.customer.WalletState;
import com.walletcare.bff.journal.JournalConfig;
import com.walletcare.bff.journal.SecondReplica;
import com.walletcare.bff.testing.EmbeddedDatabase;
import com.walletcare.bff.testing.GatewayTest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;

/**
 * Two replicas on one PostgreSQL: this service over HTTP (replica A), and replica B's use cases on a journal of its
 * own, both calling the gateway (WireMock, its writes a little slow). A hold placed on one is enforced on the other,
 * and a fraud deactivation racing an unlock always leaves the wallet deactivated under the fraud hold.
 */
@QuarkusTest
class TwoReplicasTest extends GatewayTest {

    private static final String ID = "vmiTxZcaSEym";
    private static final String FRAUD = "{\"reason\": \"SUSPECTED_FRAUD\", \"ticketId\": \"FR-77\"}";

    @Inject
    WalletGateway walletGateway;

    @Inject
    CareConfig config;

    @Inject
    JournalConfig journalConfig;

    @Inject
    Pool pool;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String database;

    private WalletChanges replicaB;

    @BeforeEach
    void replicaB() {
        var journal = SecondReplica.journal(pool, journalConfig, "replica-b");
        replicaB = new WalletChanges(new CustomerLookup(walletGateway, journal, config), walletGateway,
                new OneFlightPerCustomer(config), journal, CareTelemetry.none(), config, 1);
    }

    private static ChangeIntent fraudOnB() {
        return new ChangeIntent(ID, WalletAction.DEACTIVATE, "fraud.team", ChangeReason.SUSPECTED_FRAUD, "FR-77", "b-fraud");
    }

    /** Every activation call takes {@code millis} to answer, applied when received. */
    private void slowWrites(int millis) {
        for (boolean active : new boolean[] { true, false }) {
            for (boolean locked : new boolean[] { true, false }) {
                for (boolean activate : new boolean[] { true, false }) {
                    gateway.stubFor(appliedIn(new WalletState(active, locked), activate).atPriority(1)
                            .willReturn(json(ACTIVATION_SUCCESS).withFixedDelay(millis)));
                }
            }
        }
    }

    @Test
    void aFraudHoldPlacedOnOneReplicaIsEnforcedOnTheOther() {
        walletAtGateway(ID, true, true);

        replicaB.deactivate(fraudOnB(), new RequestTrace("b-1")).await().atMost(Duration.ofSeconds(10));

        client().when().get("/customers/" + ID).then().statusCode(200).body("hold.agent", equalTo("fraud.team"));
        client().when().post("/customers/" + ID + "/unlock").then().statusCode(409).body("code", equalTo("CUSTOMER_DEACTIVATED"));
        as(Roles.AGENT).body("{\"reason\": \"CUSTOMER_REQUEST\", \"ticketId\": \"CS-1\"}").when()
                .post("/customers/" + ID + "/activate").then().statusCode(403).body("code", equalTo("SUPERVISOR_REQUIRED"));
        assertEquals(List.of("false"), activationsSent(), "only B's deactivation reached the gateway");
    }

    @Test
    void aFraudDeactivationRacingAnUnlockAlwaysEndsDeactivatedUnderTheFraudHold() throws Exception {
        for (int trial = 0; trial < 12; trial++) {
            EmbeddedDatabase.clear(database);
            gateway.resetAll();
            walletAtGateway(ID, true, true);
            slowWrites(80);
            int unlockFirstBy = ThreadLocalRandom.current().nextInt(-120, 121); // ms; negative: the fraud call first

            CompletableFuture<ValidatableResponse> unlock = CompletableFuture.supplyAsync(() -> {
                pause(Math.max(0, -unlockFirstBy));
                return client().when().post("/customers/" + ID + "/unlock").then();
            });
            pause(Math.max(0, unlockFirstBy));
            replicaB.deactivate(fraudOnB(), new RequestTrace("b-" + trial)).await().atMost(Duration.ofSeconds(15));
            int unlockStatus = unlock.get().extract().statusCode();

            assertFalse(walletAtGatewayNow().active(), "trial " + trial + " (unlock " + unlockStatus + ")");
            client().when().get("/customers/" + ID).then().statusCode(200).body("status", equalTo("DEACTIVATED"))
                    .body("hold.reason", equalTo("SUSPECTED_FRAUD")).body("hold.agent", equalTo("fraud.team"));
        }
    }

    private static void pause(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
