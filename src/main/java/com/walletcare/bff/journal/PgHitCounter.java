package com.walletcare.bff.journal;

import java.time.Instant;
import java.time.ZoneOffset;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The hit counter every replica shares: one row per key and window, counted up in one statement. */
final class PgHitCounter implements HitCounter {

    private final Pool pool;

    PgHitCounter(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<Long> hit(String key, Instant window) {
        return pool.preparedQuery("""
                INSERT INTO hit_counter (key, window_start, hits) VALUES ($1, $2, 1)
                ON CONFLICT (key, window_start) DO UPDATE SET hits = hit_counter.hits + 1
                RETURNING hits""")
                .execute(Tuple.of(key, window.atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.iterator().next().getLong("hits"))
                .onFailure().transform(JournalUnavailableException::new);
    }

    @Override
    public Uni<Long> hits(String key, Instant window) {
        return pool.preparedQuery("SELECT hits FROM hit_counter WHERE key = $1 AND window_start = $2")
                .execute(Tuple.of(key, window.atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.size() == 0 ? 0L : rows.iterator().next().getLong("hits"))
                .onFailure().transform(JournalUnavailableException::new);
    }

    @Override
    public Uni<Void> forgetBefore(Instant before) {
        return pool.preparedQuery("DELETE FROM hit_counter WHERE window_start < $1")
                .execute(Tuple.of(before.atOffset(ZoneOffset.UTC))).replaceWithVoid();
    }
}
