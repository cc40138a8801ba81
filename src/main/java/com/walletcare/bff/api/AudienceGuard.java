package com.walletcare.bff.api;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Keeps the token audience check from being switched off by accident. application.properties sets
 * {@code quarkus.oidc.token.audience} to the client id; an empty {@code QUARKUS_OIDC_TOKEN_AUDIENCE} would erase that
 * value, and with it the check, so it stops the start instead. {@code any}, the OIDC extension's explicit opt-out,
 * is allowed and logged.
 */
public class AudienceGuard {

    static final String VARIABLE = "QUARKUS_OIDC_TOKEN_AUDIENCE";

    void check(@Observes StartupEvent start,
            @ConfigProperty(name = IdentityProviderSwitch.TENANT_ENABLED) boolean tenantEnabled,
            @ConfigProperty(name = "quarkus.oidc.token.audience") Optional<List<String>> audience) {
        if (!tenantEnabled) {
            return;
        }
        if (audience.isEmpty()) {
            throw new IllegalStateException(VARIABLE + " is set but empty, which would accept tokens issued for any "
                    + "client: unset it (the client id is required) or list the audiences to accept, or set it to "
                    + "'any' to switch the check off on purpose.");
        }
        if (audience.get().equals(List.of("any"))) {
            Log.warnf("%s=any: access tokens are accepted whatever their audience", VARIABLE);
        }
    }
}
