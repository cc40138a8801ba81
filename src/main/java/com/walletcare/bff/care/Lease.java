package com.walletcare.bff.care;

/**
 * A change this replica holds the wallet for: its journal entry is open and its lease is this replica's. Given out by
 * {@link ChangeLeases#open} or {@link ChangeLeases#claimAbandoned}; ended by {@link ChangeLeases#finish} or
 * {@link ChangeLeases#abandon}. Whether it may still be written on is for the leases to prove
 * ({@link ChangeLeases#confirm}, {@link ChangeLeases#confirmed}).
 */
public interface Lease {

    /** The journal entry's id. */
    String id();

    ChangeIntent intent();
}
