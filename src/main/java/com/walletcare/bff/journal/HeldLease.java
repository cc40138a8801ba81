package com.walletcare.bff.journal;

import com.walletcare.bff.care.ChangeIntent;
import com.walletcare.bff.care.Lease;

/**
 * A lease as the journal keeps it: its entry names this lease's {@code holder}, a token unique to this one taking of
 * the wallet, so that a lease taken again, even by this same replica, is never mistaken for this one; and when it was
 * last proven in the database, on this replica's monotonic clock.
 */
final class HeldLease implements Lease {

    private final String id;
    private final ChangeIntent intent;
    private final String holder;
    /** The monotonic reading taken before the last confirmation that reached the database was sent; none yet. */
    private volatile long confirmedAt;
    private volatile boolean confirmedOnce;
    /**
     * A confirmation that the statement recording the wallet's status made after the lookup, which no gateway write
     * has used yet: the first write's confirmation, without a statement of its own.
     */
    private volatile boolean unspent;
    /** Found taken by another replica, or finished by another: nothing may be written on it any more. */
    private volatile boolean lost;

    HeldLease(String id, ChangeIntent intent, String holder) {
        this.id = id;
        this.intent = intent;
        this.holder = holder;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ChangeIntent intent() {
        return intent;
    }

    String holder() {
        return holder;
    }

    void confirmedAt(long nanos) {
        confirmedAt = nanos;
        confirmedOnce = true;
    }

    /** Confirmed by a statement that also did other work, before any gateway write: the next write may use it. */
    void confirmedAhead(long nanos) {
        confirmedAt(nanos);
        unspent = true;
    }

    /** Takes the confirmation made ahead, if no write has used it yet: each one serves one write only. */
    boolean spendConfirmation() {
        boolean spent = unspent && !lost;
        unspent = false;
        return spent;
    }

    /** Whether it was confirmed, and the monotonic time since is under {@code bound} nanoseconds. */
    boolean confirmedWithin(long now, long bound) {
        return !lost && confirmedOnce && now - confirmedAt < bound;
    }

    void lose() {
        lost = true;
    }

    boolean lost() {
        return lost;
    }
}
