package com.walletcare.bff.gateway;

/** Transient: connection refused or reset, or a 5xx. Retried, and counted by the circuit breaker. */
public class GatewayUnavailableException extends GatewayException {

    public GatewayUnavailableException(String message) {
        super(message);
    }
}
