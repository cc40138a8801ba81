package com.walletcare.bff.api;

import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * Without an identity provider the service starts and refuses every /customers call ({@link IdentityProviderSwitch}).
 * Outside dev mode, whose users need none, that is said once at start, so a missing variable is not found by callers.
 */
public class IdentityProviderWarning {

    void warn(@Observes StartupEvent start, @ConfigProperty(name = IdentityProviderSwitch.TENANT_ENABLED) boolean tenantEnabled) {
        if (!tenantEnabled && LaunchMode.current() != LaunchMode.DEVELOPMENT) {
            Log.warn("No identity provider is configured (QUARKUS_OIDC_AUTH_SERVER_URL is not set): every /customers call "
                    + "will be refused with 401 UNAUTHENTICATED");
        }
    }
}
