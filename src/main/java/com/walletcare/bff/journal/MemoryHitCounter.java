package com.walletcare.bff.journal;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.ConcurrentHashMap;

import com.walletcare.bff.care.HitCounter;

import io.smallrye.mutiny.Uni;

/** Hits counted in this process, in its clock: one window per key, started again at the first hit of a later one. */
final class MemoryHitCounter implements HitCounter {

    private record Window(Instant start, long hits) {
    }

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final InstantSource clock;

    MemoryHitCounter(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public Uni<Count> hit(String key, Duration window) {
        Instant now = clock.instant();
        Instant start = start(now, window);
        Window counted = windows.compute(key, (k, current) -> current == null || !current.start().equals(start)
                ? new Window(start, 1)
                : new Window(start, current.hits() + 1));
        return Uni.createFrom().item(new Count(counted.hits(), Duration.between(now, start.plus(window))));
    }

    @Override
    public Uni<Count> hits(String key, Duration window) {
        Instant now = clock.instant();
        Instant start = start(now, window);
        Window counted = windows.get(key);
        long hits = counted == null || !counted.start().equals(start) ? 0 : counted.hits();
        return Uni.createFrom().item(new Count(hits, Duration.between(now, start.plus(window))));
    }

    private static Instant start(Instant now, Duration window) {
        long millis = now.toEpochMilli();
        return Instant.ofEpochMilli(millis - Math.floorMod(millis, window.toMillis()));
    }

    @Override
    public Uni<Void> forgetOlderThan(Duration age) {
        Instant before = clock.instant().minus(age);
        windows.values().removeIf(window -> window.start().isBefore(before));
        return Uni.createFrom().voidItem();
    }
}
