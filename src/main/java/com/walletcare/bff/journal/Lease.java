package com.walletcare.bff.journal;

/**
 * A change this replica holds the wallet for: its journal entry is open and its lease is this replica's. Given out by
 * {@link CareJournal#open}; ended by {@link CareJournal#finish}.
 *
 * @param acquiredNanos when the lease was taken ({@link System#nanoTime()}): it is safe to write for the lease's
 *        time-to-live from then, and from every renewal after.
 */
public record Lease(String id, ChangeIntent intent, long acquiredNanos) {
}
