package com.walletcare.bff.api;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;

/**
 * Hands the check of the request URI from Quarkus to {@link HttpEdge}. Quarkus checks it before any application code
 * can run and answers a malformed one (bad percent-encoding, a control byte) with an empty 400; with
 * {@code vertx.disableURIValidation} it leaves the check to the application, and HttpEdge makes the same check and
 * answers the contract's problem. Quarkus reads the switch once, as a system property, when its HTTP layer is first
 * loaded: configuration is built before that in every launch mode (jar, native, dev, tests), and this interceptor is
 * loaded with the configuration, so setting the property here reaches it without a flag on every command line.
 */
public class UriCheckHandover implements ConfigSourceInterceptor {

    static {
        System.setProperty("vertx.disableURIValidation", "true");
    }

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        return context.proceed(name);
    }
}
