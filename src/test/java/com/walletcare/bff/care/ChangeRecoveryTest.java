package com.walletcare.bff.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.walletcare.bff.customer.ChangeReason;
import com.walletcare.bff.customer.WalletAction;
import com.walletcare.bff.customer.WalletState;
import com.walletcare.bff.customer.WalletStatus;
import com.walletcare.bff.care.ChangeIntent;
import com.walletcare.bff.care.HistoryEntry;
import com.walletcare.bff.care.HistoryEntry.CompletedBy;
import com.walletcare.bff.care.Lease;
import com.walletcare.bff.testing.GatewayTest;
import com.walletcare.bff.testing.DeadReplica;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/**
 * A replica that died half-way through a change: its journal entry is open, its lease ran out. This replica's sweep
 * finishes the change against the gateway (WireMock holding the wallet) and journals it as a recovery.
 */
@QuarkusTest
class ChangeRecoveryTest extends GatewayTest {

    private static final String ID = "vmiTxZcaSEym";

    @Inject
    ChangeRecovery recovery;

    @Inject
    CareHistory journal;

    @Inject
    DeadReplica deadReplica;

    private HistoryEntry recovered() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            recovery.sweep().await().atMost(Duration.ofSeconds(10));
            return journal.history(ID, null, 1).await().indefinitely().actions().get(0).finishedAt() != null;
        });
        return journal.history(ID, null, 1).await().indefinitely().actions().get(0);
    }

    @Test
    void anUnlockWhoseReplicaDiedAfterTheDeactivationIsCompleted() {
        double recoveredBefore = recoveries("UNLOCK", "UNLOCKED");
        walletAtGateway(ID, false, true);
        deadReplica.diedDuring(new ChangeIntent(ID, WalletAction.UNLOCK, "agent.alice", ChangeReason.FAILED_LOGINS,
                "CS-7", "crashed-1"), WalletStatus.LOCKED);

        HistoryEntry entry = recovered();

        assertEquals(new WalletState(true, false), walletAtGatewayNow());
        assertEquals(List.of("true"), activationsSent());
        assertEquals("UNLOCKED", entry.outcome());
        assertEquals(CompletedBy.RECOVERY, entry.completedBy());
        assertEquals(WalletStatus.LOCKED, entry.statusBefore());
        assertEquals(recoveredBefore + 1, recoveries("UNLOCK", "UNLOCKED"), "care_recoveries_total counts it by action and outcome");
        assertEquals(WalletStatus.ACTIVE, entry.statusAfter());
        assertEquals("agent.alice", entry.agent());
    }

    @Test
    void aChangeThatNeverReachedTheGatewayIsRecordedAsInterruptedAndNothingIsStarted() {
        walletAtGateway(ID, true, false);
        deadReplica.diedDuring(new ChangeIntent(ID, WalletAction.DEACTIVATE, "agent.bob", ChangeReason.LOST_DEVICE, null,
                "crashed-2"), WalletStatus.ACTIVE);

        HistoryEntry entry = recovered();

        assertEquals("INTERRUPTED", entry.outcome());
        assertEquals(WalletStatus.ACTIVE, entry.statusAfter());
        assertEquals(List.of(), activationsSent());
    }

    @Test
    void aRecoveryThatCannotReachTheGatewayLeavesTheChangeForTheNextSweep() {
        double failedBefore = recoveries("UNLOCK", "FAILED");
        gateway.stubFor(lookupCall().willReturn(com.github.tomakehurst.wiremock.client.WireMock.serverError()));
        Lease lease = deadReplica.diedDuring(new ChangeIntent(ID, WalletAction.UNLOCK, "agent.alice", null, null,
                "crashed-3"), WalletStatus.LOCKED);

        recovery.sweep().await().atMost(Duration.ofSeconds(10));

        HistoryEntry entry = journal.history(ID, null, 1).await().indefinitely().actions().get(0);
        assertEquals(lease.id(), entry.id());
        assertEquals(null, entry.finishedAt());
        assertTrue(recoveries("UNLOCK", "FAILED") > failedBefore, "care_recoveries_total counts the failed attempt");
    }

    /** The care_recoveries_total series of this action and outcome, as Prometheus scrapes it (0 when absent). */
    static double recoveries(String action, String outcome) {
        Matcher series = Pattern.compile("(?m)^care_recoveries_total\\{action=\"" + action + "\",outcome=\"" + outcome
                + "\"[^}]*} (\\S+)").matcher(RestAssured.when().get("/q/metrics").then().statusCode(200).extract().asString());
        return series.find() ? Double.parseDouble(series.group(1)) : 0;
    }
}
