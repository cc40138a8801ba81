package com.walletcare.bff.testing;

import java.util.Map;
import java.util.Set;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A fresh instance (no start-up verdict, no log throttle or change counts left by other tests) with limits small
 * enough to reach in a test: 5 changes per agent per minute, connections idle for 5 s closed (long enough for a change
 * on a loaded build machine). Changes are counted in memory, on a {@link MovableClock} that tests move to the next
 * minute instead of waiting for it (the database's windows, in its own time, are tested in PgCareJournalTest).
 */
public class TightLimitsProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(MovableClock.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.reactive.url", "", "quarkus.datasource.jdbc.url", "",
                "care.changes-per-agent-per-minute", "5", "quarkus.http.idle-timeout", "5s");
    }
}
