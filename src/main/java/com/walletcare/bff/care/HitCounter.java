package com.walletcare.bff.care;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;

/**
 * Where {@link ChangeLimit} and {@link CallerVerification} count: fixed windows of hits per key. This instance's memory by default, so the limit
 * holds per instance; a bean backed by a store every replica shares (PostgreSQL) replaces it, and the limit then
 * holds across replicas.
 */
public interface HitCounter {

    /** Counts one hit under {@code key} in the window that starts at {@code window}; the hits there so far, this one included. */
    Uni<Long> hit(String key, Instant window);

    /** The hits counted under {@code key} in the window that starts at {@code window}, without counting one. */
    Uni<Long> hits(String key, Instant window);

    /** One window per key: a key's count starts again at the first hit of a later window. */
    @DefaultBean
    @ApplicationScoped
    class InMemory implements HitCounter {

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
    }
}
