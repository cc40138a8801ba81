package com.walletcare.bff.care;

import com.walletcare.bff.customer.WalletStatus;

/**
 * The unlock stopped after its deactivation: re-activating failed. Repeating the unlock completes it. The status is
 * the one a lookup reported after the failure, or null when even that lookup failed.
 */
public class UnlockIncompleteException extends RuntimeException {

    private final String customerId;
    private final WalletStatus customerStatus;

    public UnlockIncompleteException(String customerId, WalletChangeFailedException failure, WalletStatus customerStatus) {
        super(message(customerId, failure, customerStatus), failure, false, false);
        this.customerId = customerId;
        this.customerStatus = customerStatus;
    }

    private static String message(String customerId, WalletChangeFailedException failure, WalletStatus status) {
        String now = status == null ? "its status could not be read" : "it is " + status + " now";
        return "The unlock of customer '" + customerId + "' stopped after the wallet was deactivated, and " + now
                + ": re-activating it failed (" + failure.getMessage() + " " + failure.walletNote()
                + ") Repeat the unlock to complete it.";
    }

    public String customerId() {
        return customerId;
    }

    public WalletStatus customerStatus() {
        return customerStatus;
    }
}
