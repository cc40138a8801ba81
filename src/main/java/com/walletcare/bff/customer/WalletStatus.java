package com.walletcare.bff.customer;

/** The one status front ends see, derived from the gateway's two wallet flags. */
public enum WalletStatus {
    ACTIVE, LOCKED, DEACTIVATED
}
