package com.walletcare.bff.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class IdentityProviderSwitchTest {

    private static boolean tenantEnabled(String... keyValues) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().withInterceptors(new IdentityProviderSwitch())
                // What the OIDC extension declares as its default.
                .withDefaultValue(IdentityProviderSwitch.TENANT_ENABLED, "true");
        for (int i = 0; i < keyValues.length; i += 2) {
            builder.withSources(new PropertiesConfigSource(
                    Map.of(keyValues[i], keyValues[i + 1]), "test", 300));
        }
        SmallRyeConfig config = builder.build();
        return config.getValue(IdentityProviderSwitch.TENANT_ENABLED, Boolean.class);
    }

    @Test
    void offWithoutAnIdentityProvider() {
        assertEquals(false, tenantEnabled());
    }

    @Test
    void onWhenAnIdentityProviderIsConfigured() {
        assertEquals(true, tenantEnabled(IdentityProviderSwitch.AUTH_SERVER_URL, "https://idp.example.com/realms/care"));
    }

    @Test
    void anExplicitSettingWins() {
        assertEquals(false, tenantEnabled(IdentityProviderSwitch.AUTH_SERVER_URL, "https://idp.example.com/realms/care",
                IdentityProviderSwitch.TENANT_ENABLED, "false"));
    }
}
