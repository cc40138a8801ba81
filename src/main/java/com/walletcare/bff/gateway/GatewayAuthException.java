package com.walletcare.bff.gateway;

/** The gateway refused this service's partner credentials (HTTP 401). Retrying cannot help. */
public class GatewayAuthException extends GatewayException {

    public GatewayAuthException() {
        super("The Paydiant gateway refused this service's partner credentials.", true);
    }
}
