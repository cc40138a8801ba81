package com.walletcare.bff.gateway;

/**
 * A gateway call that did not succeed. Messages are safe to show a client: they never carry the gateway's
 * body or the partner token. No stack trace: these are expected outcomes, and cheap to raise.
 */
public abstract class GatewayException extends RuntimeException {

    private final boolean definite;

    /**
     * @param definite the failure itself proves the request had no effect at the gateway: it never got there
     *        (connection refused) or the gateway answered that it refused it. Otherwise (a timeout, a reset after the
     *        request left, a 5xx, an unreadable answer) a write may have been applied.
     */
    protected GatewayException(String message, boolean definite) {
        super(message, null, false, false);
        this.definite = definite;
    }

    boolean definite() {
        return definite;
    }
}
