package com.walletcare.bff.journal;

import java.time.InstantSource;

import com.walletcare.bff.care.CareHistory;
import com.walletcare.bff.care.ChangeLeases;

/** The journal the service keeps without a database, for unit tests of the care core: the real one, not a copy. */
public final class MemoryJournal {

    private MemoryJournal() {
    }

    /** A new, empty journal: its leases, history and holds. */
    @SuppressWarnings("unchecked")
    public static <J extends ChangeLeases & CareHistory> J create(InstantSource clock) {
        return (J) new MemoryCareJournal(clock);
    }
}
