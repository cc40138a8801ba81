package com.walletcare.bff.journal;

/** Another change to this wallet is still in flight, and did not end within the bounded wait for it. */
public class ChangeInProgressException extends RuntimeException {

    public ChangeInProgressException(String customerId) {
        super("Another change to the wallet of customer '" + customerId
                + "' is still in progress. Try again shortly: the wallet's history shows how it ended.", null, false, false);
    }
}
