package com.walletcare.bff.journal;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

import com.walletcare.bff.customer.WalletStatus;
import com.walletcare.bff.journal.HistoryEntry.CompletedBy;

import io.smallrye.mutiny.Uni;

/**
 * Every change asked of a wallet, and the lease that keeps changes to one wallet one at a time: in PostgreSQL, shared
 * by every replica and kept across restarts ({@link PgCareJournal}), or in this process's memory when no database is
 * configured ({@link MemoryCareJournal}: one instance only).
 */
public interface CareJournal {

    /** The journal of a single instance without a database. */
    static CareJournal inMemory() {
        return new MemoryCareJournal(InstantSource.system());
    }

    /**
     * Journals the intent and takes the wallet for it, waiting at most {@code wait} while another change to it runs.
     * If that other change was the same action and ended well, its outcome is shared instead. Fails with
     * {@link ChangeInProgressException} after the wait, {@link JournalUnavailableException} when the journal cannot be
     * reached: no change starts without its journal entry.
     */
    Uni<Opened> open(ChangeIntent intent, Duration wait);

    /**
     * Records the wallet's status as looked up under the lease, before the first gateway write. Fails with
     * {@link LeaseLostException} when the entry is no longer this lease's.
     */
    Uni<Void> started(Lease lease, WalletStatus before);

    /**
     * Proves in the database that the lease is still this replica's (its holder, unfinished) and extends it by a whole
     * time-to-live, so that one gateway write has all of it. Called before every gateway write. Fails with
     * {@link LeaseLostException} when the entry names another holder or is finished (and the lease is lost for good),
     * with {@link JournalUnavailableException} when the database cannot say.
     */
    Uni<Void> confirm(Lease lease);

    /**
     * Whether the last {@link #confirm} is recent enough, on this replica's monotonic clock, for a gateway write to
     * start now and end before the lease could run out: checked right before the request is sent. A process paused
     * after its confirmation finds it stale here and confirms again, and a lease taken over meanwhile is then lost.
     */
    boolean confirmed(Lease lease);

    /**
     * Records how the change ended and gives the wallet free. The lease stops being renewed at once. Answers whether
     * this lease recorded it: false when the entry had passed to another replica, whose outcome stands.
     */
    Uni<Boolean> finish(Lease lease, String outcome, WalletStatus after, CompletedBy completedBy);

    /**
     * Stops renewing the lease without recording an end: the change could not reach the journal to finish it, so once
     * the lease runs out a recovery sweep (on any replica) takes it over and finishes it from the wallet's state.
     */
    void abandon(Lease lease);

    /** The outcome recorded for the change, or null while it has none (it runs, or nobody finished it yet). */
    Uni<String> outcome(String changeId);

    /**
     * Records a verification of the wallet's owner, finished as it is written: who asked, whether it verified, and
     * the names of the factors that matched; never the answers.
     */
    Uni<Void> verification(String customerId, String agent, String requestId, boolean verified, List<String> matched);

    /** The wallet's changes and verifications, newest first, {@code limit} at a time, older than the {@code before} cursor if given. */
    Uni<History> history(String customerId, String before, int limit);

    /** Changes whose replica stopped renewing their lease (it died): claimed, under a fresh lease, for this one to finish. */
    Uni<List<Lease>> claimAbandoned();

    /**
     * Renews the leases of the changes this replica is working on. A lease whose entry is no longer its own (another
     * replica took it over) is lost at once: its change writes nothing more.
     */
    Uni<Void> renewLeases();

    /** Where the journal is kept, for readiness: "postgresql" or "memory". */
    String kind();

    /** Whether the journal can be written now (a round trip to the database). */
    Uni<Boolean> reachable();
}
