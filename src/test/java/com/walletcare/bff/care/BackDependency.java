package com.walletcare.bff.care;

import com.walletcare.bff.gateway.GatewayConfig;

/** A core class that reaches back into an adapter, as the layering rules must refuse (LayeringTest). */
public final class BackDependency {

    public static String url(GatewayConfig config) {
        return config.gatewayUrl();
    }

    private BackDependency() {
    }
}
