package com.walletcare.bff.journal;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.walletcare.bff.care.CareHistory;
import com.walletcare.bff.care.HistoryEntry;
import com.walletcare.bff.care.HoldEffect;
import com.walletcare.bff.care.Lease;
import com.walletcare.bff.care.ChangeOutcome;
import com.walletcare.bff.customer.WalletState;
import com.walletcare.bff.customer.WalletStatus;
import com.walletcare.bff.care.HistoryEntry.CompletedBy;
import com.walletcare.bff.testing.EmbeddedDatabase;
import com.walletcare.bff.testing.GatewayTest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;

/**
 * This replica loses its lease in the middle of an unlock, as a paused process does: the lease runs out while the
 * deactivation is at the gateway, and another replica takes the change over and finishes it. This replica then sends
 * no further gateway write, changes nothing in the journal, and answers with what the other replica recorded.
 */
@QuarkusTest
@TestProfile(LeaseTakeoverTest.NoSweep.class)
class LeaseTakeoverTest extends GatewayTest {

    /** Short leases, and no recovery sweep of this replica's own: replica B, below, is the one that takes over. */
    public static class NoSweep implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("care.journal.lease-ttl", "3s", "care.journal.renew-every", "1s",
                    "care.journal.write-margin", "1500ms", "care.journal.sweep-interval", "1h");
        }
    }

    private static final String ID = "vmiTxZcaSEym";
    private static final WalletState ACTIVE = new WalletState(true, false);
    private static final WalletState LOCKED = new WalletState(true, true);

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String database;

    @Inject
    Pool pool;

    @Inject
    JournalConfig config;

    @Inject
    CareHistory journal;

    @Test
    void aReplicaWhoseUnlockWasTakenOverSendsNoWriteAfterwardsAndAnswersTheOtherReplicasOutcome() throws Exception {
        walletAtGateway(ID, true, true);
        gateway.stubFor(appliedIn(LOCKED, false).atPriority(1).willReturn(json(ACTIVATION_SUCCESS).withFixedDelay(1_500)));
        CompletableFuture<ValidatableResponse> unlock = CompletableFuture
                .supplyAsync(() -> client().when().post("/customers/" + ID + "/unlock").then());
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> activationsSent().size() == 1);

        // While the deactivation is at the gateway, this replica's lease runs out and replica B takes the change
        // over: B's recovery finds the wallet deactivated and locked, activates it, and records the unlock.
        // This replica's upkeep may renew the lease between the two statements (it is still this replica's then): run
        // it out again until B's claim finds it.
        PgCareJournal replicaB = new PgCareJournal(pool, config, "replica-b", Ticker.SYSTEM, InstantSource.system());
        Lease takenOver = Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> {
            EmbeddedDatabase.execute(database, "UPDATE wallet_change SET lease_until = now() - interval '1 second'"
                    + " WHERE finished_at IS NULL");
            List<Lease> claimed = replicaB.claimAbandoned().await().atMost(Duration.ofSeconds(5));
            return claimed.isEmpty() ? null : claimed.get(0);
        }, Objects::nonNull);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> walletAtGatewayNow().equals(new WalletState(false, true)));
        gateway.setScenarioState("wallet", "active");
        replicaB.finish(takenOver, ChangeOutcome.UNLOCKED, WalletStatus.ACTIVE, CompletedBy.RECOVERY, HoldEffect.NONE).await().atMost(Duration.ofSeconds(5));

        unlock.get().statusCode(200).body("outcome", equalTo("UNLOCKED")).body("customer.status", equalTo("ACTIVE"));
        assertEquals(List.of("false"), activationsSent(), "no activation from the replica that lost the lease");
        assertEquals(ACTIVE, walletAtGatewayNow());
        HistoryEntry entry = journal.history(ID, null, 1).await().atMost(Duration.ofSeconds(5)).actions().get(0);
        assertEquals(CompletedBy.RECOVERY, entry.completedBy());
        assertEquals("UNLOCKED", entry.outcome());
    }
}
