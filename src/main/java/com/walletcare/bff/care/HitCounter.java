package com.walletcare.bff.care;

import java.time.Duration;

import io.smallrye.mutiny.Uni;

/**
 * Fixed windows of hits per key, for limits (changes per agent, failed verifications per customer), implemented by
 * the journal: in PostgreSQL, shared by every replica, with windows in the database's time (replicas whose clocks
 * differ count in the same window); in memory, per instance, in this process's clock.
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
}
