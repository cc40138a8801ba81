package com.walletcare.bff.gateway;

/**
 * A gateway call that did not succeed. Messages are safe to show a client: they never carry the gateway's
 * body or the partner token. No stack trace: these are expected outcomes, and cheap to raise.
 */
public abstract class GatewayException extends RuntimeException {

    protected GatewayException(String message) {
        super(message, null, false, false);
    }
}
