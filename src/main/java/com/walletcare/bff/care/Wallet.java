package com.walletcare.bff.care;

import com.walletcare.bff.customer.Customer;
import com.walletcare.bff.customer.WalletState;

/** One looked-up customer: what front ends see, the flags the state machine reads, and the handle for activation. */
public record Wallet(Customer customer, WalletState state, WalletRef ref) {

    /** The same wallet, known to be in {@code state} now. */
    public Wallet withState(WalletState state) {
        return new Wallet(customer.withState(state), state, ref);
    }
}
