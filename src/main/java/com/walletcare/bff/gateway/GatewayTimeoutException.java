package com.walletcare.bff.gateway;

/** Transient: the gateway did not answer within the REST client's own timeouts. */
public class GatewayTimeoutException extends GatewayUnavailableException {

    public GatewayTimeoutException(String message) {
        super(message);
    }
}
