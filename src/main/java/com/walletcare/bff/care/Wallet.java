package com.walletcare.bff.care;

import com.walletcare.bff.customer.Customer;
import com.walletcare.bff.customer.WalletState;

/**
 * One looked-up customer: what front ends see, the flags the state machine reads, what the care journal knows of it
 * ({@link CareRecord#NONE} until it is asked, and for a wallet that is not deactivated), and the handle for activation.
 */
public record Wallet(Customer customer, WalletState state, WalletRef ref, CareRecord record) {

    /** A wallet as the gateway reports it. */
    public Wallet(Customer customer, WalletState state, WalletRef ref) {
        this(customer, state, ref, CareRecord.NONE);
    }

    /** The same wallet, known to be in {@code state} now. */
    public Wallet withState(WalletState state) {
        return new Wallet(customer.in(state, record.hold(), record.unfinishedUnlock()), state, ref, record);
    }

    /** The same wallet, with what the journal knows of it. */
    Wallet with(CareRecord record) {
        return new Wallet(customer.in(state, record.hold(), record.unfinishedUnlock()), state, ref, record);
    }
}
