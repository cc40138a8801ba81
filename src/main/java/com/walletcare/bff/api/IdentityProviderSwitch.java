package com.walletcare.bff.api;

import java.util.Locale;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;

import jakarta.annotation.Priority;

/**
 * Bearer-token authentication is on exactly when an identity provider is configured
 * ({@code QUARKUS_OIDC_AUTH_SERVER_URL}). Without one the service still starts (health and the API document stay
 * reachable), and every {@code /customers} call is refused with 401, instead of failing to start. An explicit
 * {@code quarkus.oidc.tenant-enabled} always wins.
 */
@Priority(Priorities.APPLICATION)
public class IdentityProviderSwitch implements ConfigSourceInterceptor {

    static final String TENANT_ENABLED = "quarkus.oidc.tenant-enabled";
    static final String AUTH_SERVER_URL = "quarkus.oidc.auth-server-url";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (!TENANT_ENABLED.equals(name) || isExplicit(value)) {
            return value;
        }
        ConfigValue authServerUrl = context.proceed(AUTH_SERVER_URL);
        boolean configured = authServerUrl != null && authServerUrl.getValue() != null && !authServerUrl.getValue().isBlank();
        return ConfigValue.builder().withName(name).withValue(Boolean.toString(configured))
                .withConfigSourceName(getClass().getSimpleName()).build();
    }

    /** Set by a real source, not just the extension's built-in default. */
    private static boolean isExplicit(ConfigValue value) {
        return value != null && value.getConfigSourceName() != null
                && !value.getConfigSourceName().toLowerCase(Locale.ROOT).contains("default");
    }
}
