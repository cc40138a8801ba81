package com.walletcare.bff.customer;

/** What an agent may do next with a wallet. */
public enum WalletAction {
    UNLOCK, ACTIVATE, DEACTIVATE
}
