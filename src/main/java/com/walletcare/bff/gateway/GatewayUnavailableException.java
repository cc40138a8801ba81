package com.walletcare.bff.gateway;

/** Transient: connection refused or reset, or a 5xx. Lookups retry it, and the circuit breakers count it. */
public class GatewayUnavailableException extends GatewayException {

    GatewayUnavailableException(String message, boolean definite) {
        super(message, definite);
    }
}
