package com.walletcare.bff.care;

import java.time.Duration;
import java.util.List;

import com.walletcare.bff.care.HistoryEntry.CompletedBy;
import com.walletcare.bff.customer.WalletStatus;

import io.smallrye.mutiny.Uni;

/**
 * One change per wallet at a time, journaled: every change's intent is recorded before anything else, its wallet
 * held for it (a lease, shared by every replica when the journal is in PostgreSQL), and how it ended recorded after.
 * Failures: {@link CareFailure} JOURNAL_UNAVAILABLE when the journal cannot be reached, CHANGE_IN_PROGRESS after the
 * wait, and {@link LeaseLostException} when a lease turns out to be another replica's.
 */
public interface ChangeLeases {

    /**
     * Journals the intent and takes the wallet for it, waiting at most {@code wait} while another change to it runs.
     * If that other change was the same action and ended well, its outcome is shared instead.
     */
    Uni<Opened> open(ChangeIntent intent, Duration wait);

    /**
     * Records the wallet's status as looked up under the lease, before the first gateway write, and confirms the lease
     * as {@link #confirm} does: that confirmation serves the first write, which then costs no statement of its own.
     */
    Uni<Void> started(Lease lease, WalletStatus before);

    /**
     * Proves in the database that the lease is still this replica's and extends it by a whole time-to-live, so that
     * one gateway write has all of it. Called before every gateway write; each confirmation serves one write. The
     * first write spends the confirmation {@link #started} made instead, without a statement: what guards it then,
     * as every write, is {@link #confirmed} right before the send (a pause since that statement makes it stale, and
     * the caller confirms again, in the database).
     */
    Uni<Void> confirm(Lease lease);

    /**
     * Whether the last {@link #confirm} is recent enough, on this replica's monotonic clock, for a gateway write to
     * start now and end before the lease could run out: checked right before the request is sent.
     */
    boolean confirmed(Lease lease);

    /**
     * Records how the change ended, and its effect on the wallet's hold in the same step, and gives the wallet free;
     * the lease stops being renewed at once. Answers whether this lease recorded it: false when the entry had passed to
     * another replica, whose outcome stands.
     */
    Uni<Boolean> finish(Lease lease, ChangeOutcome outcome, WalletStatus after, CompletedBy completedBy, HoldEffect hold);

    /**
     * Stops renewing the lease without recording an end: once it runs out, a recovery sweep (on any replica) takes it
     * over and finishes the change from the wallet's state.
     */
    void abandon(Lease lease);

    /** The outcome recorded for the change, or null while it has none. */
    Uni<ChangeOutcome> outcome(String changeId);

    /** Changes whose replica stopped renewing their lease: claimed, under a fresh lease, for this one to finish. */
    Uni<List<Lease>> claimAbandoned();
}
