package com.walletcare.bff.care;

/**
 * The answer could not wait any longer for this change: its gateway calls are still running (a slow gateway), and
 * it goes on until they have settled, holding the wallet so that nothing else races it.
 */
public class ChangeStillRunningException extends RuntimeException {

    public ChangeStillRunningException(String customerId) {
        super("The gateway is slow: the change to the wallet of customer '" + customerId
                + "' is still running and may still be applied. Repeat the request to get its outcome.", null, false, false);
    }
}
