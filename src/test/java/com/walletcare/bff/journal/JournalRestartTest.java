package com.walletcare.bff.journal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.walletcare.bff.care.CareHistory;
import com.walletcare.bff.care.HistoryEntry;
import com.walletcare.bff.customer.WalletState;
import com.walletcare.bff.care.HistoryEntry.CompletedBy;
import com.walletcare.bff.testing.EmbeddedDatabase;
import com.walletcare.bff.testing.GatewayTest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

/**
 * The journal's database restarts in the middle of a change: its connections are cut, as {@code pg_ctl restart -m
 * fast} cuts them, and new ones are refused until it is back. Answers stay true of the wallet, nothing is left open,
 * and every wallet can be changed again soon after the database is back. Leases here live 3 s, swept every second.
 */
@QuarkusTest
@TestProfile(JournalRestartTest.ShortLeases.class)
class JournalRestartTest extends GatewayTest {

    public static class ShortLeases implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("care.journal.lease-ttl", "3s", "care.journal.renew-every", "1s",
                    "care.journal.write-margin", "1500ms", "care.journal.sweep-interval", "1s");
        }
    }

    private static final String ID = "vmiTxZcaSEym";
    private static final WalletState ACTIVE = new WalletState(true, false);
    private static final WalletState LOCKED = new WalletState(true, true);
    private static final WalletState DEACTIVATED = new WalletState(false, false);

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String database;

    @Inject
    CareHistory journal;

    /** The database goes down: every connection to it is cut, and new ones are refused. */
    private void databaseDown() {
        EmbeddedDatabase.execute(otherDatabase(), "ALTER DATABASE postgres WITH ALLOW_CONNECTIONS false");
        EmbeddedDatabase.execute(otherDatabase(), "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE datname = 'postgres' AND pid <> pg_backend_pid()");
    }

    @AfterEach
    void databaseUp() {
        EmbeddedDatabase.execute(otherDatabase(), "ALTER DATABASE postgres WITH ALLOW_CONNECTIONS true");
    }

    /** Another database of the same server, from which an operator can still reach the one that refuses connections. */
    private String otherDatabase() {
        return database.replace("/postgres", "/template1");
    }

    private HistoryEntry latest() {
        return journal.history(ID, null, 1).await().atMost(Duration.ofSeconds(5)).actions().get(0);
    }

    private void awaitFinished(CompletedBy by, String outcome) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> latest().finishedAt() != null);
        HistoryEntry entry = latest();
        assertEquals(outcome, entry.outcome());
        assertEquals(by, entry.completedBy());
    }

    /** The change's write has reached the gateway (which answers it a second later). */
    private void awaitWriteAtGateway() {
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> activationsSent().size() == 1);
    }

    private CompletableFuture<ValidatableResponse> sent(String action) {
        return CompletableFuture.supplyAsync(() -> client().when().post("/customers/" + ID + "/" + action).then());
    }

    @Test
    void anUnlockCutOffFromItsJournalAfterItsDeactivationSaysSoAndIsCompletedOnceTheDatabaseIsBack() throws Exception {
        walletAtGateway(ID, true, true);
        gateway.stubFor(appliedIn(LOCKED, false).atPriority(1).willReturn(json(ACTIVATION_SUCCESS).withFixedDelay(600)));

        CompletableFuture<ValidatableResponse> unlock = sent("unlock");
        awaitWriteAtGateway();
        databaseDown();

        unlock.get().statusCode(502).body("code", equalTo("UNLOCK_INCOMPLETE"))
                .body("customerStatus", equalTo("DEACTIVATED"))
                .body("detail", containsString("journal"));
        assertEquals(List.of("false"), activationsSent(), "no activation without a lease proven in the database");

        databaseUp();
        awaitFinished(CompletedBy.RECOVERY, "UNLOCKED");
        assertEquals(ACTIVE, walletAtGatewayNow());
        client().when().post("/customers/" + ID + "/deactivate").then().statusCode(200).body("outcome", equalTo("DEACTIVATED"));
    }

    @Test
    void aChangeWhoseEndCouldNotBeJournaledIsJournaledOnceTheDatabaseIsBackAndTheWalletIsFree() throws Exception {
        walletAtGateway(ID, true, false);
        gateway.stubFor(appliedIn(ACTIVE, false).atPriority(1).willReturn(json(ACTIVATION_SUCCESS).withFixedDelay(600)));

        CompletableFuture<ValidatableResponse> deactivate = sent("deactivate");
        awaitWriteAtGateway();
        databaseDown();

        deactivate.get().statusCode(200).body("outcome", equalTo("DEACTIVATED")).body("customer.status", equalTo("DEACTIVATED"));
        assertEquals(DEACTIVATED, walletAtGatewayNow());

        databaseUp();
        awaitFinished(CompletedBy.REQUEST, "DEACTIVATED");
        client().when().post("/customers/" + ID + "/activate").then().statusCode(200).body("outcome", equalTo("ACTIVATED"));
    }

    @Test
    void whileTheDatabaseIsDownChangesArePausedAndAfterwardsEveryWalletCanBeChanged() {
        walletAtGateway(ID, true, false);
        databaseDown();

        client().when().post("/customers/" + ID + "/deactivate").then().statusCode(503)
                .body("code", equalTo("JOURNAL_UNAVAILABLE"));
        assertEquals(List.of(), activationsSent());

        databaseUp();
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).until(() -> client()
                .when().post("/customers/" + ID + "/deactivate").then().extract().statusCode() == 200);
        assertEquals(DEACTIVATED, walletAtGatewayNow());
    }
}
