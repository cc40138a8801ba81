package com.walletcare.bff.testing;

import java.util.Map;
import java.util.Set;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Caller verification as a data-minimising deployment runs it, with a limit small enough to reach in a test: every
 * change needs a verification, customers are masked, and 2 failed verifications per customer in fixed 10-second
 * windows are allowed, counted in memory on a {@link MovableClock} that tests move to the next window instead of
 * waiting for it.
 */
public class CallerVerificationProfile implements QuarkusTestProfile {

    public static final long WINDOW_SECONDS = 10;

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(MovableClock.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.reactive.url", "", "quarkus.datasource.jdbc.url", "",
                "care.verification.required-for", "UNLOCK,ACTIVATE,DEACTIVATE",
                "care.customer-view", "minimal",
                "care.verification.failures-allowed", "2",
                "care.verification.failure-window", WINDOW_SECONDS + "s");
    }
}
