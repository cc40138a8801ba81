package com.walletcare.bff.gateway;

/** The gateway answered, but not with success: a FAILED status, an unexpected 4xx, or a body it cannot read. */
public class GatewayRejectedException extends GatewayException {

    public GatewayRejectedException(String message) {
        super(message);
    }
}
