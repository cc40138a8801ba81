package com.walletcare.bff.telemetry;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Histogram buckets ({@code _bucket{le}}) for the timers that dashboards and alerts take percentiles of: the API, the
 * gateway calls, the changes and their lease waits. A fixed set of bounds from 5 ms to 30 s (the longest a change's
 * caller waits is 20 s), so each series adds 14 buckets, not Micrometer's ~70.
 */
@Singleton
class LatencyBuckets {

    static final Set<String> TIMERS = Set.of("http.server.requests", "gateway.calls", "care.change", "care.lease.wait");
    private static final double[] BOUNDS = Stream.of(5L, 10L, 25L, 50L, 100L, 250L, 500L, 1000L, 2000L, 4000L, 8000L,
            16000L, 30000L).mapToDouble(ms -> Duration.ofMillis(ms).toNanos()).toArray();

    @Produces
    @Singleton
    MeterFilter latencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return TIMERS.contains(id.getName())
                        ? DistributionStatisticConfig.builder().serviceLevelObjectives(BOUNDS).build().merge(config)
                        : config;
            }
        };
    }
}
