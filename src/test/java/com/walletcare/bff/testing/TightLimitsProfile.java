package com.walletcare.bff.testing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A fresh instance (no start-up verdict, no log throttle or change counts left by other tests) with limits small
 * enough to reach in a test: 5 changes per agent per minute, connections idle for 5 s closed (long enough for a change on a loaded build machine).
 */
public class TightLimitsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("care.changes-per-agent-per-minute", "5", "quarkus.http.idle-timeout", "5s");
    }
}
