package com.walletcare.bff.customer;

/** What an unlock, activate or deactivate did. The ALREADY_ ones changed nothing at the gateway. */
public enum ActionOutcome {
    UNLOCKED, ALREADY_UNLOCKED, ACTIVATED, ALREADY_ACTIVE, DEACTIVATED, ALREADY_DEACTIVATED
}
