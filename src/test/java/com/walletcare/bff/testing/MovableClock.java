package com.walletcare.bff.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * The service's clock, as a test moves it: the real time plus an offset that only grows, so that a test reaches the
 * next window of a limit at once instead of sleeping until it starts. Enabled by the test profiles that count in
 * memory ({@link TightLimitsProfile}, {@link CallerVerificationProfile}).
 */
@Alternative
@Singleton
public class MovableClock implements InstantSource {

    private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead.get());
    }

    /** Moves on to just after the start of the next fixed window of length {@code window}. */
    public void toNextWindow(Duration window) {
        long now = instant().toEpochMilli();
        long next = now - Math.floorMod(now, window.toMillis()) + window.toMillis();
        ahead.accumulateAndGet(Duration.ofMillis(next - now + 1), Duration::plus);
    }
}
