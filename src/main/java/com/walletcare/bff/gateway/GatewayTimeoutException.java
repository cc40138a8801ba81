package com.walletcare.bff.gateway;

/** Transient: the gateway did not answer within the REST client's own timeouts; the request may have landed. */
public class GatewayTimeoutException extends GatewayUnavailableException {

    GatewayTimeoutException(String message) {
        super(message, false);
    }
}
