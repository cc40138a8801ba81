package com.walletcare.bff.care;

/** The wallet is deactivated and re-activating it failed: the unlock stopped half-way, and repeating it completes it. */
public class UnlockIncompleteException extends RuntimeException {

    private final String customerId;

    public UnlockIncompleteException(String customerId, Throwable cause) {
        super("The wallet of customer '" + customerId + "' is deactivated now: the gateway failed to re-activate it ("
                + cause.getMessage() + "). Repeat the unlock to complete it.", cause, false, false);
        this.customerId = customerId;
    }

    public String customerId() {
        return customerId;
    }
}
