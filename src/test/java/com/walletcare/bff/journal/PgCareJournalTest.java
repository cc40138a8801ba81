package com.walletcare.bff.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.walletcare.bff.customer.ChangeReason;
import com.walletcare.bff.customer.WalletAction;
import com.walletcare.bff.customer.WalletStatus;
import com.walletcare.bff.journal.HistoryEntry.CompletedBy;
import com.walletcare.bff.testing.EmbeddedDatabase;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;

/**
 * Two replicas' journals on one real PostgreSQL: different lease holders contending for one wallet. Leases here live
 * 600 ms (a replica may write for 300 ms of that), so that expiry is quick to see.
 */
@QuarkusTest
class PgCareJournalTest {

    private static final Duration AT_ONCE = Duration.ZERO;
    private static final String WALLET = "vmiTxZcaSEym";

    @Inject
    Pool pool;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String database;

    private PgCareJournal replicaA;
    private PgCareJournal replicaB;

    @BeforeEach
    void twoReplicas() {
        EmbeddedDatabase.clear(database);
        replicaA = new PgCareJournal(pool, new ShortLeases(), "replica-a");
        replicaB = new PgCareJournal(pool, new ShortLeases(), "replica-b");
    }

    private static ChangeIntent intent(WalletAction action) {
        return new ChangeIntent(WALLET, action, "agent.alice", ChangeReason.FAILED_LOGINS, "CS-1042", "req-" + action);
    }

    private static Lease held(Uni<Opened> opened) {
        Lease lease = opened.await().atMost(Duration.ofSeconds(5)).lease();
        assertNotNull(lease, "the wallet was held for this change");
        return lease;
    }

    @Test
    void aWalletHeldByOneReplicaIsNotGivenToAnotherWhichIsToldAChangeIsInProgress() {
        held(replicaA.open(intent(WalletAction.UNLOCK), AT_ONCE));

        assertThrows(ChangeInProgressException.class,
                () -> replicaB.open(intent(WalletAction.DEACTIVATE), Duration.ofMillis(300)).await().atMost(Duration.ofSeconds(5)));
    }

    @Test
    void aReplicaWaitingForTheWalletGetsItOnceTheOtherChangeIsFinished() {
        Lease first = held(replicaA.open(intent(WalletAction.UNLOCK), AT_ONCE));
        CompletableFuture<Opened> waiting = replicaB.open(intent(WalletAction.DEACTIVATE), Duration.ofSeconds(5))
                .subscribeAsCompletionStage();

        replicaA.finish(first, "UNLOCKED", WalletStatus.ACTIVE, CompletedBy.REQUEST).await().indefinitely();

        assertNotNull(waiting.join().lease());
    }

    @Test
    void theSameActionRunningOnAnotherReplicaIsJoinedWithItsOutcomeNotRunTwice() throws Exception {
        Lease first = held(replicaA.open(intent(WalletAction.UNLOCK), AT_ONCE));
        CompletableFuture<Opened> joining = replicaB.open(intent(WalletAction.UNLOCK), Duration.ofSeconds(5))
                .subscribeAsCompletionStage();
        Thread.sleep(300); // replica B has found the unlock in flight

        replicaA.finish(first, "UNLOCKED", WalletStatus.ACTIVE, CompletedBy.REQUEST).await().indefinitely();

        assertEquals("UNLOCKED", joining.join().joinedOutcome());
        assertEquals(1, replicaA.history(WALLET, null, 10).await().indefinitely().actions().size());
    }

    @Test
    void anExpiredLeaseIsClaimedByExactlyOneReplica() throws Exception {
        held(replicaA.open(intent(WalletAction.UNLOCK), AT_ONCE));
        Thread.sleep(800);

        var claimsA = replicaA.claimAbandoned().subscribeAsCompletionStage();
        var claimsB = replicaB.claimAbandoned().subscribeAsCompletionStage();

        assertEquals(1, claimsA.join().size() + claimsB.join().size());
    }

    @Test
    void aLeaseKeptRenewedIsNeverClaimed() throws Exception {
        held(replicaA.open(intent(WalletAction.UNLOCK), AT_ONCE));
        for (int i = 0; i < 4; i++) {
            Thread.sleep(200);
            replicaA.renewLeases().await().indefinitely();
        }

        assertEquals(List.of(), replicaB.claimAbandoned().await().indefinitely());
    }

    @Test
    void aReplicaThatCouldNotRenewItsLeaseStopsWritingBeforeItRunsOut() throws Exception {
        Lease lease = held(replicaA.open(intent(WalletAction.UNLOCK), AT_ONCE));
        assertTrue(replicaA.held(lease));

        Thread.sleep(400);

        assertFalse(replicaA.held(lease), "past lease-ttl - write-margin without a renewal, no new write may start");
    }

    @Test
    void aClaimedChangeKeepsItsIntentAndIsFinishedAsARecovery() throws Exception {
        Lease lease = held(replicaA.open(intent(WalletAction.UNLOCK), AT_ONCE));
        replicaA.started(lease, WalletStatus.LOCKED).await().indefinitely();
        Thread.sleep(800);

        Lease claimed = replicaB.claimAbandoned().await().indefinitely().get(0);
        assertEquals(intent(WalletAction.UNLOCK), claimed.intent());
        replicaB.finish(claimed, "UNLOCKED", WalletStatus.ACTIVE, CompletedBy.RECOVERY).await().indefinitely();
        // The dead replica's late end, if it ever comes, changes nothing.
        replicaA.finish(lease, "UNLOCK_INCOMPLETE", WalletStatus.DEACTIVATED, CompletedBy.REQUEST).await().indefinitely();

        HistoryEntry entry = replicaA.history(WALLET, null, 10).await().indefinitely().actions().get(0);
        assertEquals("UNLOCKED", entry.outcome());
        assertEquals(CompletedBy.RECOVERY, entry.completedBy());
        assertEquals(WalletStatus.LOCKED, entry.statusBefore());
        assertEquals(WalletStatus.ACTIVE, entry.statusAfter());
        assertEquals("agent.alice", entry.agent());
        assertEquals(ChangeReason.FAILED_LOGINS, entry.reason());
        assertEquals("CS-1042", entry.ticketId());
        assertNotNull(entry.finishedAt());
    }

    @Test
    void aVerificationIsAFinishedHistoryEntryAndNeverHoldsTheWallet() {
        replicaA.verification(WALLET, "agent.alice", "req-verify", false, List.of("zip")).await().indefinitely();
        replicaA.verification(WALLET, "agent.alice", "req-verify-2", true, List.of("birthday", "zip")).await().indefinitely();
        held(replicaB.open(intent(WalletAction.UNLOCK), AT_ONCE));

        List<HistoryEntry> entries = replicaA.history(WALLET, null, 10).await().indefinitely().actions();
        assertEquals(List.of("UNLOCK", "VERIFY", "VERIFY"), entries.stream().map(HistoryEntry::action).toList());
        HistoryEntry verified = entries.get(1);
        assertEquals("VERIFIED", verified.outcome());
        assertEquals(List.of("birthday", "zip"), verified.matched());
        assertEquals("agent.alice", verified.agent());
        assertEquals("req-verify-2", verified.requestId());
        assertEquals(CompletedBy.REQUEST, verified.completedBy());
        assertNotNull(verified.finishedAt());
        assertEquals("NOT_VERIFIED", entries.get(2).outcome());
        assertEquals(List.of("zip"), entries.get(2).matched());
        assertNull(entries.get(0).matched(), "a change has no factors");
        assertTrue(replicaB.claimAbandoned().await().indefinitely().isEmpty(), "a verification is nothing to recover");
    }

    @Test
    void historyPagesNewestFirstWithACursor() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Lease lease = held(replicaA.open(intent(WalletAction.DEACTIVATE), AT_ONCE));
            replicaA.finish(lease, "DEACTIVATED", WalletStatus.DEACTIVATED, CompletedBy.REQUEST).await().indefinitely();
            ids.add(0, lease.id());
        }

        History first = replicaB.history(WALLET, null, 2).await().indefinitely();
        History second = replicaB.history(WALLET, first.next(), 2).await().indefinitely();
        History last = replicaB.history(WALLET, second.next(), 2).await().indefinitely();

        assertEquals(ids.subList(0, 2), first.actions().stream().map(HistoryEntry::id).toList());
        assertEquals(ids.subList(2, 4), second.actions().stream().map(HistoryEntry::id).toList());
        assertEquals(ids.subList(4, 5), last.actions().stream().map(HistoryEntry::id).toList());
        assertNull(last.next());
        assertEquals(List.of(), replicaB.history("someoneElse", null, 2).await().indefinitely().actions());
    }

    /** Leases of 600 ms, writable for 300 ms. */
    private static final class ShortLeases implements JournalConfig {
        public Duration leaseTtl() {
            return Duration.ofMillis(600);
        }

        public Duration renewEvery() {
            return Duration.ofMillis(200);
        }

        public Duration writeMargin() {
            return Duration.ofMillis(300);
        }

        public Duration sweepInterval() {
            return Duration.ofSeconds(10);
        }

        public Duration pollInterval() {
            return Duration.ofMillis(50);
        }
    }
}
