package com.walletcare.bff.customer;

/** Why an agent changes a wallet, as the care journal and the wallet's history record it. */
public enum ChangeReason {
    FAILED_LOGINS, CUSTOMER_REQUEST, LOST_DEVICE, SUSPECTED_FRAUD, OTHER
}
