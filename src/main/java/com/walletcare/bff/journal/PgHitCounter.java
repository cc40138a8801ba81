package com.walletcare.bff.journal;

import java.time.Duration;

import com.walletcare.bff.care.CareFailure;
import com.walletcare.bff.care.HitCounter;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The hit counter every replica shares: one row per key and window, counted up in one statement. Windows are cut in
 * the database's time ({@code now()}), never a replica's: replicas whose clocks differ count in the same window.
 */
final class PgHitCounter implements HitCounter {

    /** The current window's start, for a window of $2 milliseconds. */
    private static final String WINDOW = "to_timestamp((floor(extract(epoch FROM now()) * 1000 / $2) * $2 / 1000)::float8)";

    private final Pool pool;

    PgHitCounter(Pool pool) {
        this.pool = pool;
    }

    /**
     * Counted without waiting for the disk ({@link Commits}): a journal statement that follows (a change's status, a
     * verification) waits, and makes the count durable with it. A database crash can lose the counts that no such
     * statement followed: at most those of the last 3 x {@code wal_writer_delay} (600 ms by default), after which
     * PostgreSQL's WAL writer has flushed them anyway. That many calls more may pass the limit; no gateway write
     * depends on a count that was lost.
     */
    @Override
    public Uni<Count> hit(String key, Duration window) {
        return pool.preparedQuery("INSERT INTO hit_counter (key, window_start, hits) SELECT $1, " + WINDOW + ", 1"
                + " FROM " + Commits.NOT_AWAITED + " ON CONFLICT (key, window_start) DO UPDATE SET hits = hit_counter.hits + 1"
                + " RETURNING hits, " + left("window_start"))
                .execute(Tuple.of(key, window.toMillis()))
                .map(rows -> count(rows.iterator().next()))
                .onFailure().transform(failure -> CareFailure.journalUnavailable());
    }

    @Override
    public Uni<Count> hits(String key, Duration window) {
        return pool.preparedQuery("SELECT COALESCE((SELECT hits FROM hit_counter WHERE key = $1 AND window_start = w.start), 0)"
                + " AS hits, " + left("w.start") + " FROM (SELECT " + WINDOW + " AS start) w")
                .execute(Tuple.of(key, window.toMillis()))
                .map(rows -> count(rows.iterator().next()))
                .onFailure().transform(failure -> CareFailure.journalUnavailable());
    }

    /** What is left of the window that starts at {@code start}, in milliseconds. */
    private static String left(String start) {
        return "(extract(epoch FROM " + start + ") * 1000 + $2 - extract(epoch FROM now()) * 1000)::bigint AS left_ms";
    }

    private static Count count(Row row) {
        return new Count(row.getLong("hits"), Duration.ofMillis(row.getLong("left_ms")));
    }

    @Override
    public Uni<Void> forgetOlderThan(Duration age) {
        return pool.preparedQuery("DELETE FROM hit_counter WHERE window_start < now() - $1::bigint * interval '1 millisecond'")
                .execute(Tuple.of(age.toMillis())).replaceWithVoid();
    }
}
