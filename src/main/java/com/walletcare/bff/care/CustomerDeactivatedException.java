package com.walletcare.bff.care;

/** Unlock asked for a wallet that is deactivated but not locked: that is activate's job. */
public class CustomerDeactivatedException extends RuntimeException {

    public CustomerDeactivatedException(String customerId) {
        super("The wallet of customer '" + customerId + "' is deactivated, not locked: use activate.", null, false,
                false);
    }
}
