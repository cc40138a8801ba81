package com.walletcare.bff.journal;

import java.time.Duration;
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
        return new MemoryCareJournal();
    }

    /**
     * Journals the intent and takes the wallet for it, waiting at most {@code wait} while another change to it runs.
     * If that other change was the same action and ended well, its outcome is shared instead. Fails with
     * {@link ChangeInProgressException} after the wait, {@link JournalUnavailableException} when the journal cannot be
     * reached: no change starts without its journal entry.
     */
    Uni<Opened> open(ChangeIntent intent, Duration wait);

    /** Records the wallet's status as looked up under the lease, before the first gateway write. */
    Uni<Void> started(Lease lease, WalletStatus before);

    /** Whether the lease is surely still this replica's for as long as one more gateway write can take. */
    boolean held(Lease lease);

    /** Records how the change ended and gives the wallet free. */
    Uni<Void> finish(Lease lease, String outcome, WalletStatus after, CompletedBy completedBy);

    /**
     * Records a verification of the wallet's owner, finished as it is written: who asked, whether it verified, and
     * the names of the factors that matched; never the answers.
     */
    Uni<Void> verification(String customerId, String agent, String requestId, boolean verified, List<String> matched);

    /** The wallet's changes and verifications, newest first, {@code limit} at a time, older than the {@code before} cursor if given. */
    Uni<History> history(String customerId, String before, int limit);

    /** Changes whose replica stopped renewing their lease (it died): claimed, under a fresh lease, for this one to finish. */
    Uni<List<Lease>> claimAbandoned();

    /** Renews the leases of the changes this replica is working on. */
    Uni<Void> renewLeases();

    /** Where the journal is kept, for readiness: "postgresql" or "memory". */
    String kind();

    /** Whether the journal can be written now (a round trip to the database). */
    Uni<Boolean> reachable();
}
