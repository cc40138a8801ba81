package com.walletcare.bff.journal;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.ConcurrentHashMap;

import io.smallrye.mutiny.Uni;

/**
 * Fixed windows of hits per key, for limits (changes per agent, failed verifications per customer): in PostgreSQL when
 * the journal is there, so a limit holds across replicas ({@link PgHitCounter}: windows in the database's time, so
 * replicas whose clocks differ still count in the same window); in this process's memory otherwise, so it holds per
 * instance, in this process's clock.
 */
public interface HitCounter {

    /** The hits counted in the current window of a key, and how long that window still runs. */
    record Count(long hits, Duration left) {
    }

    /** Counts one hit under {@code key} in the current window of length {@code window}; the count includes it. */
    Uni<Count> hit(String key, Duration window);

    /** The hits counted under {@code key} in the current window of length {@code window}, without counting one. */
    Uni<Count> hits(String key, Duration window);

    /** Forgets windows that started longer ago than {@code age}. */
    Uni<Void> forgetOlderThan(Duration age);

    /** One window per key: a key's count starts again at the first hit of a later window. */
    final class InMemory implements HitCounter {

        private record Window(Instant start, long hits) {
        }

        private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
        private final InstantSource clock;

        public InMemory(InstantSource clock) {
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
}
