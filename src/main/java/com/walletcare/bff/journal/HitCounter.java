package com.walletcare.bff.journal;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import io.smallrye.mutiny.Uni;

/**
 * Fixed windows of hits per key, for limits (changes per agent, failed verifications per customer): in PostgreSQL when the journal is there, so a limit
 * holds across replicas ({@link PgHitCounter}); in this process's memory otherwise, so it holds per instance.
 */
public interface HitCounter {

    /** Counts one hit under {@code key} in the window that starts at {@code window}; the hits there so far, this one included. */
    Uni<Long> hit(String key, Instant window);

    /** The hits counted under {@code key} in the window that starts at {@code window}, without counting one. */
    Uni<Long> hits(String key, Instant window);

    /** Forgets windows that started before {@code before}. */
    Uni<Void> forgetBefore(Instant before);

    /** One window per key: a key's count starts again at the first hit of a later window. */
    final class InMemory implements HitCounter {

        private record Window(Instant start, long hits) {
        }

        private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

        @Override
        public Uni<Long> hit(String key, Instant window) {
            Window counted = windows.compute(key, (k, current) -> current == null || !current.start().equals(window)
                    ? new Window(window, 1)
                    : new Window(window, current.hits() + 1));
            return Uni.createFrom().item(counted.hits());
        }

        @Override
        public Uni<Long> hits(String key, Instant window) {
            Window counted = windows.get(key);
            return Uni.createFrom().item(counted == null || !counted.start().equals(window) ? 0 : counted.hits());
        }

        @Override
        public Uni<Void> forgetBefore(Instant before) {
            windows.values().removeIf(window -> window.start().isBefore(before));
            return Uni.createFrom().voidItem();
        }
    }
}
