package com.walletcare.bff.journal;

/**
 * A change this replica holds the wallet for: its journal entry is open, and the entry names this lease's
 * {@code holder} (a token unique to this one taking of the wallet, so that a lease taken again, even by this same
 * replica, is never mistaken for this one). Given out by {@link CareJournal#open} or {@link CareJournal#claimAbandoned};
 * ended by {@link CareJournal#finish} or {@link CareJournal#abandon}.
 *
 * <p>Whether it may still be written on is for the journal to say: {@link CareJournal#confirm} proves it in the
 * database, {@link CareJournal#confirmed} says whether that proof is fresh enough for one more gateway write.
 */
public final class Lease {

    private final String id;
    private final ChangeIntent intent;
    private final String holder;
    /** The monotonic reading taken before the last confirmation that reached the database was sent; none yet. */
    private volatile long confirmedAt;
    private volatile boolean confirmedOnce;
    /** Found taken by another replica, or finished by another: nothing may be written on it any more. */
    private volatile boolean lost;

    public Lease(String id, ChangeIntent intent, String holder) {
        this.id = id;
        this.intent = intent;
        this.holder = holder;
    }

    public String id() {
        return id;
    }

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
