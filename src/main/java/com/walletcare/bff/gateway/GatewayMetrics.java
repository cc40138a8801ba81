package com.walletcare.bff.gateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code gateway_calls_seconds{operation, outcome}}: every attempt at a gateway call, retries included, by operation
 * (lookup, activation) and outcome (success, rejected, auth_failed, unavailable, timeout). Retry counts and circuit
 * breaker states come from SmallRye Fault Tolerance's own {@code ft_*} metrics.
 */
@ApplicationScoped
public class GatewayMetrics {

    private final MeterRegistry registry;
    /** Registered once per operation and outcome, not looked up by tags on every call. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(String operation, Throwable failure, long startNanos) {
        timer(operation, outcome(failure)).record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    /** Cancelled by the per-attempt timeout of fault tolerance. */
    void recordTimeout(String operation, long startNanos) {
        timer(operation, "timeout").record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(String operation, String outcome) {
        return timers.computeIfAbsent(operation + '/' + outcome, key -> Timer.builder("gateway.calls")
                .description("Paydiant gateway call attempts")
                .tag("operation", operation).tag("outcome", outcome).register(registry));
    }

    /** The outcome tag of a call that ended with {@code failure} (null: success); also the outcome on its span. */
    static String outcome(Throwable failure) {
        if (failure == null) {
            return "success";
        }
        if (failure instanceof GatewayTimeoutException) {
            return "timeout";
        }
        if (failure instanceof GatewayAuthException) {
            return "auth_failed";
        }
        return failure instanceof GatewayRejectedException ? "rejected" : "unavailable";
    }
}
