package com.walletcare.bff.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.walletcare.bff.care.ChangeIntent;
import com.walletcare.bff.care.History;
import com.walletcare.bff.care.HistoryEntry;
import com.walletcare.bff.care.HoldEffect;
import com.walletcare.bff.care.Lease;
import com.walletcare.bff.care.LeaseLostException;
import com.walletcare.bff.care.HitCounter;
import com.walletcare.bff.care.Opened;
import com.walletcare.bff.care.CareFailure;
import com.walletcare.bff.care.ChangeOutcome;
import com.walletcare.bff.customer.ChangeReason;
import com.walletcare.bff.customer.WalletAction;
import com.walletcare.bff.customer.WalletStatus;
import com.walletcare.bff.care.HistoryEntry.CompletedBy;
import com.walletcare.bff.testing.EmbeddedDatabase;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
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

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String reactiveUrl;

    @Inject
    Vertx vertx;

    /** Replica A's monotonic clock: moved on by hand, to stand for a process paused between two lines. */
    private AtomicLong tickerA;
    private PgCareJournal replicaA;
    private PgCareJournal replicaB;

    @BeforeEach
    void twoReplicas() {
        EmbeddedDatabase.clear(database);
        tickerA = new AtomicLong();
        replicaA = new PgCareJournal(pool, new ShortLeases(), "replica-a", tickerA::get, InstantSource.system());
        replicaB = new PgCareJournal(pool, new ShortLeases(), "replica-b", Ticker.SYSTEM, InstantSource.system());
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

        assertThrows(CareFailure.class,
                () -> replicaB.open(intent(WalletAction.DEACTIVATE), Duration.ofMillis(300)).await().atMost(Duration.ofSeconds(5)));
    }

    @Test
    void aReplicaWaitingForTheWalletGetsItOnceTheOtherChangeIsFinished() {
        Lease first = held(replicaA.open(intent(WalletAction.UNLOCK), AT_ONCE));
        CompletableFuture<Opened> waiting = replicaB.open(intent(WalletAction.DEACTIVATE), Duration.ofSeconds(5))
                .subscribeAsCompletionStage();

        replicaA.finish(first, ChangeOutcome.UNLOCKED, WalletStatus.ACTIVE, CompletedBy.REQUEST, HoldEffect.NONE).await().indefinitely();

        assertNotNull(waiting.join().lease());
    }

    @Test
    void theSameActionRunningOnAnotherReplicaIsJoinedWithItsOutcomeNotRunTwice() throws Exception {
        Lease first = held(replicaA.open(intent(WalletAction.UNLOCK), AT_ONCE));
        CompletableFuture<Opened> joining = replicaB.open(intent(WalletAction.UNLOCK), Duration.ofSeconds(5))
                .subscribeAsCompletionStage();
        Thread.sleep(300); // replica B has found the unlock in flight

        replicaA.finish(first, ChangeOutcome.UNLOCKED, WalletStatus.ACTIVE, CompletedBy.REQUEST, HoldEffect.NONE).await().indefinitely();

        assertEquals(ChangeOutcome.UNLOCKED, joining.join().joinedOutcome());
        assertEquals(1, replicaA.history(WALLET, null, 10).await().indefinitely().actions().size());
    }

    @Test
    void anExpiredLeaseIsClaimedByExactlyOneReplica() {
        runOut(held(replicaA.open(intent(WalletAction.UNLOCK), AT_ONCE)));

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

    /** The lease has run out in the database's time, as it does while its holder is paused or cut off. */
    private void runOut(Lease lease) {
        EmbeddedDatabase.execute(database, "UPDATE wallet_change SET lease_until = now() - interval '1 second' WHERE id = '"
                + lease.id() + "'");
    }

    private static <T> T await(Uni<T> uni) {
        return uni.await().atMost(Duration.ofSeconds(5));
    }

    @Test
    void aConfirmationIsFreshUntilLeaseTtlMinusWriteMarginHasPassedOnTheReplicasMonotonicClock() {
        Lease lease = held(replicaA.open(intent(WalletAction.UNLOCK), AT_ONCE));
        assertTrue(replicaA.confirmed(lease), "taking the lease confirms it");

        tickerA.addAndGet(Duration.ofMillis(299).toNanos());
        assertTrue(replicaA.confirmed(lease));
        tickerA.addAndGet(Duration.ofMillis(2).toNanos());
        assertFalse(replicaA.confirmed(lease), "past lease-ttl - write-margin, no write may start without confirming again");

        await(replicaA.confirm(lease));
        assertTrue(replicaA.confirmed(lease));
    }

    @Test
    void aRenewalThatFindsItsRowTakenOverDropsTheLeaseAtOnce() {
        Lease lease = held(replicaA.open(intent(WalletAction.UNLOCK), AT_ONCE));
        runOut(lease);
        assertEquals(1, await(replicaB.claimAbandoned()).size());

        await(replicaA.renewLeases());

        assertFalse(replicaA.confirmed(lease), "the renewal touched no row: the lease is gone, however fresh it looked");
        assertThrows(LeaseLostException.class, () -> await(replicaA.confirm(lease)));
    }

    @Test
    void aReplicaPausedBetweenConfirmingItsLeaseAndWritingFindsItTakenOverAndMayNotWrite() {
        Lease lease = held(replicaA.open(intent(WalletAction.UNLOCK), AT_ONCE));
        await(replicaA.confirm(lease));
        assertTrue(replicaA.confirmed(lease));

        // Paused for 30 s right after confirming: meanwhile the lease runs out, and replica B takes the change over.
        tickerA.addAndGet(Duration.ofSeconds(30).toNanos());
        runOut(lease);
        Lease takenOver = await(replicaB.claimAbandoned()).get(0);
        assertEquals(lease.id(), takenOver.id());

        assertFalse(replicaA.confirmed(lease), "the check right before the write sees the pause");
        assertThrows(LeaseLostException.class, () -> await(replicaA.confirm(lease)), "and confirming again fails");
        await(replicaB.confirm(takenOver));
        assertTrue(replicaB.confirmed(takenOver));
    }

    @Test
    void recordingTheStatusConfirmsTheLeaseForTheFirstWriteOnlyAndEveryLaterWriteConfirmsInTheDatabase() throws Exception {
        Lease lease = held(replicaA.open(intent(WalletAction.UNLOCK), AT_ONCE));
        String taken = leaseUntil(lease);
        Thread.sleep(20); // the database's now() moves on

        await(replicaA.started(lease, WalletStatus.LOCKED));
        String started = leaseUntil(lease);
        assertTrue(started.compareTo(taken) > 0, "recording the status extended the lease: a confirmation");
        Thread.sleep(20);
        await(replicaA.confirm(lease));
        assertEquals(started, leaseUntil(lease), "the first write's confirmation is the one the status was recorded with");
        assertTrue(replicaA.confirmed(lease));

        await(replicaA.confirm(lease));
        assertTrue(leaseUntil(lease).compareTo(started) > 0, "the second write's is a statement of its own");
    }

    @Test
    void aReplicaPausedBetweenRecordingTheStatusAndItsFirstWriteFindsItTakenOverAndMayNotWrite() {
        Lease lease = held(replicaA.open(intent(WalletAction.UNLOCK), AT_ONCE));
        await(replicaA.started(lease, WalletStatus.LOCKED));

        tickerA.addAndGet(Duration.ofSeconds(30).toNanos());
        runOut(lease);
        assertEquals(lease.id(), await(replicaB.claimAbandoned()).get(0).id());

        await(replicaA.confirm(lease)); // spends the confirmation made with the status, in memory
        assertFalse(replicaA.confirmed(lease), "the check right before the write sees the pause");
        assertThrows(LeaseLostException.class, () -> await(replicaA.confirm(lease)), "and confirming again asks the database");
    }

    @Test
    void theLeaseAndTheCountTakenWithoutWaitingForTheDiskLeaveEveryPooledConnectionWaitingAgain() {
        // The embedded server does not wait for the disk at all (synchronous_commit=off): these connections do.
        PgConnectOptions waiting = PgConnectOptions.fromUri(reactiveUrl).setUser(EmbeddedDatabase.USER)
                .setPassword(EmbeddedDatabase.USER).addProperty("synchronous_commit", "on");
        // A name of its own: under the default one, its pool gauges would be the service pool's, registered twice.
        Pool twoConnections = PgBuilder.pool().with(new PoolOptions().setMaxSize(2).setName("waiting-for-the-disk"))
                .connectingTo(waiting).using(vertx).build();
        try {
            HitCounter counter = new PgHitCounter(twoConnections);
            PgCareJournal journal = new PgCareJournal(twoConnections, new ShortLeases(), "replica-c", Ticker.SYSTEM,
                    InstantSource.system());
            for (int i = 0; i < 10; i++) {
                await(counter.hit("changes:agent.alice", Duration.ofMinutes(1)));
                Lease lease = held(journal.open(intent(WalletAction.UNLOCK), AT_ONCE));
                await(journal.finish(lease, ChangeOutcome.UNLOCKED, WalletStatus.ACTIVE, CompletedBy.REQUEST, HoldEffect.NONE));
            }

            // set_config(..., true) lasts for its statement's transaction only: neither connection keeps it.
            List<String> settings = await(Uni.join().all(List.of(setting(twoConnections), setting(twoConnections))).andFailFast());
            assertEquals(List.of("on", "on"), settings);
            assertEquals(10L, await(counter.hits("changes:agent.alice", Duration.ofMinutes(1))).hits());
            assertEquals(10, await(journal.history(WALLET, null, 20)).actions().size());
        } finally {
            twoConnections.closeAndAwait();
        }
    }

    /** The connection's synchronous_commit, read while it is held (so that two at once take both connections). */
    private static Uni<String> setting(Pool pool) {
        return pool.query("SELECT current_setting('synchronous_commit') AS s, pg_sleep(0.2)").execute()
                .map(rows -> rows.iterator().next().getString("s"));
    }

    @Test
    void aChangeTakenOverAgainByTheSameReplicaIsANewLeaseAndTheOldOneIsDead() {
        Lease lease = held(replicaA.open(intent(WalletAction.UNLOCK), AT_ONCE));
        runOut(lease);

        Lease again = await(replicaA.claimAbandoned()).get(0);

        assertEquals(lease.id(), again.id());
        assertThrows(LeaseLostException.class, () -> await(replicaA.confirm(lease)));
        await(replicaA.confirm(again));
    }

    @Test
    void aLeaseWhoseRowTheDatabaseLostInARestartIsTheJournalBeingAwayNotATakeover() {
        Lease lease = held(replicaA.open(intent(WalletAction.UNLOCK), AT_ONCE));
        // The lease's row is committed without waiting for the disk: a crash before the status statement can lose it.
        EmbeddedDatabase.execute(database, "DELETE FROM wallet_change WHERE id = '" + lease.id() + "'");

        CareFailure failure = assertThrows(CareFailure.class, () -> await(replicaA.started(lease, WalletStatus.LOCKED)));

        assertEquals(CareFailure.Code.JOURNAL_UNAVAILABLE, failure.code());
        assertThrows(LeaseLostException.class, () -> await(replicaA.confirm(lease)), "no gateway write may follow");
    }

    @Test
    void statementsOnARowThatAnotherReplicaFinishedChangeNothing() {
        Lease lease = held(replicaA.open(intent(WalletAction.UNLOCK), AT_ONCE));
        await(replicaA.started(lease, WalletStatus.LOCKED));
        runOut(lease);
        Lease claimed = await(replicaB.claimAbandoned()).get(0);
        assertTrue(await(replicaB.finish(claimed, ChangeOutcome.UNLOCKED, WalletStatus.ACTIVE, CompletedBy.RECOVERY, HoldEffect.NONE)));

        assertThrows(LeaseLostException.class, () -> await(replicaA.started(lease, WalletStatus.DEACTIVATED)));
        assertFalse(await(replicaA.finish(lease, ChangeOutcome.UNLOCK_INCOMPLETE, WalletStatus.DEACTIVATED, CompletedBy.REQUEST, HoldEffect.NONE)));

        HistoryEntry entry = await(replicaA.history(WALLET, null, 10)).actions().get(0);
        assertEquals(WalletStatus.LOCKED, entry.statusBefore());
        assertEquals("UNLOCKED", entry.outcome());
        assertEquals(WalletStatus.ACTIVE, entry.statusAfter());
        assertEquals(CompletedBy.RECOVERY, entry.completedBy());
        assertEquals(ChangeOutcome.UNLOCKED, await(replicaA.outcome(lease.id())));
    }

    private String leaseUntil(Lease lease) {
        return EmbeddedDatabase.text(database, "SELECT lease_until FROM wallet_change WHERE id = '" + lease.id() + "'");
    }

    @Test
    void onlyTheChangesStillWorkedOnAreRenewedNotOnesThatEndedOrWereAbandoned() throws Exception {
        Lease finished = held(replicaA.open(intent(WalletAction.DEACTIVATE), AT_ONCE));
        await(replicaA.finish(finished, ChangeOutcome.DEACTIVATED, WalletStatus.DEACTIVATED, CompletedBy.REQUEST, HoldEffect.NONE));
        Lease abandoned = held(replicaA.open(intent(WalletAction.UNLOCK), AT_ONCE));
        replicaA.abandon(abandoned);
        Lease working = held(replicaA.open(new ChangeIntent("latYxDdNJhzm", WalletAction.UNLOCK, "agent.alice", null,
                null, "req-other"), AT_ONCE));
        String abandonedUntil = leaseUntil(abandoned);
        String workingUntil = leaseUntil(working);
        Thread.sleep(20); // the database's now() moves on

        await(replicaA.renewLeases());

        assertEquals(abandonedUntil, leaseUntil(abandoned), "left to run out, for recovery");
        assertTrue(leaseUntil(working).compareTo(workingUntil) > 0, "renewed");
        assertNull(leaseUntil(finished), "an ended change holds no lease");
    }

    @Test
    void historyIsInTheDatabasesOrderEvenWhenTheReplicasClocksDifferBy90Seconds() {
        PgCareJournal behind = new PgCareJournal(pool, new ShortLeases(), "replica-behind", Ticker.SYSTEM,
                InstantSource.offset(Clock.systemUTC(), Duration.ofSeconds(-90)));
        Lease unlock = held(replicaA.open(intent(WalletAction.UNLOCK), AT_ONCE));
        await(replicaA.finish(unlock, ChangeOutcome.UNLOCKED, WalletStatus.ACTIVE, CompletedBy.REQUEST, HoldEffect.NONE));
        Lease deactivate = held(behind.open(intent(WalletAction.DEACTIVATE), AT_ONCE));
        await(behind.finish(deactivate, ChangeOutcome.DEACTIVATED, WalletStatus.DEACTIVATED, CompletedBy.REQUEST, HoldEffect.NONE));
        behind.verification(WALLET, "agent.alice", "req-verify", true, List.of("zip")).await().indefinitely();

        History first = await(replicaA.history(WALLET, null, 1));
        History rest = await(replicaA.history(WALLET, first.next(), 5));

        assertEquals(List.of("VERIFY"), first.actions().stream().map(HistoryEntry::action).toList());
        assertEquals(List.of("DEACTIVATE", "UNLOCK"), rest.actions().stream().map(HistoryEntry::action).toList());
        assertTrue(!rest.actions().get(0).requestedAt().isBefore(rest.actions().get(1).requestedAt()),
                "request times are the database's");
    }

    @Test
    void twoReplicasCountHitsInOneWindowOfTheDatabasesTime() {
        // The window is cut by the database (now()), never by a replica: no replica's clock is even asked.
        HitCounter a = new PgHitCounter(pool);
        HitCounter b = new PgHitCounter(pool);
        List<Long> counts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            HitCounter.Count count = await((i % 2 == 0 ? a : b).hit("changes:agent.alice", Duration.ofHours(1)));
            counts.add(count.hits());
            assertTrue(count.left().compareTo(Duration.ZERO) > 0 && count.left().compareTo(Duration.ofHours(1)) <= 0);
        }

        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), counts);
        assertEquals(10L, await(b.hits("changes:agent.alice", Duration.ofHours(1))).hits());
        assertEquals(0L, await(b.hits("changes:agent.bob", Duration.ofHours(1))).hits());
    }

    @Test
    void aClaimedChangeKeepsItsIntentAndIsFinishedAsARecovery() {
        Lease lease = held(replicaA.open(intent(WalletAction.UNLOCK), AT_ONCE));
        replicaA.started(lease, WalletStatus.LOCKED).await().indefinitely();
        runOut(lease);

        Lease claimed = replicaB.claimAbandoned().await().indefinitely().get(0);
        assertEquals(intent(WalletAction.UNLOCK), claimed.intent());
        replicaB.finish(claimed, ChangeOutcome.UNLOCKED, WalletStatus.ACTIVE, CompletedBy.RECOVERY, HoldEffect.NONE).await().indefinitely();
        // The dead replica's late end, if it ever comes, changes nothing.
        replicaA.finish(lease, ChangeOutcome.UNLOCK_INCOMPLETE, WalletStatus.DEACTIVATED, CompletedBy.REQUEST, HoldEffect.NONE).await().indefinitely();

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
            replicaA.finish(lease, ChangeOutcome.DEACTIVATED, WalletStatus.DEACTIVATED, CompletedBy.REQUEST, HoldEffect.NONE).await().indefinitely();
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
