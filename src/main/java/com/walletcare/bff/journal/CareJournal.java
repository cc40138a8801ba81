package com.walletcare.bff.journal;

import com.walletcare.bff.care.CareHistory;
import com.walletcare.bff.care.ChangeLeases;

import io.smallrye.mutiny.Uni;

/**
 * The care journal: every change asked of a wallet, the leases that keep changes to one wallet one at a time, and the
 * wallet's history. In PostgreSQL, shared by every replica and kept across restarts ({@link PgCareJournal}), or in
 * this process's memory when no database is configured ({@link MemoryCareJournal}: one instance only).
 */
interface CareJournal extends ChangeLeases, CareHistory {

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
