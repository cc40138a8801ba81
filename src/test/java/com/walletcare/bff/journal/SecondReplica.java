package com.walletcare.bff.journal;

import java.time.InstantSource;

import com.walletcare.bff.care.CareHistory;
import com.walletcare.bff.care.ChangeLeases;

import io.vertx.mutiny.sqlclient.Pool;

/** Another replica's journal on the same PostgreSQL, for tests of two replicas in one process. */
public final class SecondReplica {

    private SecondReplica() {
    }

    /** The journal of a replica named {@code name}: its leases and its view of history and holds. */
    @SuppressWarnings("unchecked")
    public static <J extends ChangeLeases & CareHistory> J journal(Pool pool, JournalConfig config, String name) {
        return (J) new PgCareJournal(pool, config, name, Ticker.SYSTEM, InstantSource.system());
    }
}
