package com.walletcare.bff.gateway;

/**
 * The gateway answered, but not with success: a FAILED status or an unexpected 4xx (definite refusals), or a body it
 * cannot read (which says nothing about whether a write was applied).
 */
public class GatewayRejectedException extends GatewayException {

    GatewayRejectedException(String message, boolean definite) {
        super(message, definite);
    }
}
