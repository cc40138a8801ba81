package com.walletcare.bff.journal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.walletcare.bff.customer.ActionOutcome;
import com.walletcare.bff.customer.ChangeReason;
import com.walletcare.bff.customer.WalletAction;
import com.walletcare.bff.customer.WalletStatus;
import com.walletcare.bff.journal.HistoryEntry.CompletedBy;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The journal in PostgreSQL, through the reactive client. A wallet's unfinished row is its lease: a partial unique
 * index allows one per wallet, so taking the lease is one INSERT that either wins or conflicts. The holder renews its
 * leases every third of their time-to-live, in one UPDATE for all of them; a replica that died stops renewing, and
 * once its leases have run out any replica's recovery sweep claims them (UPDATE ... FOR UPDATE SKIP LOCKED, so
 * replicas never fight over one) and finishes the change. A lease row rather than an advisory lock: a lock lives as
 * long as its connection, which would pin a pooled connection for the length of a change and let a network blip
 * release it silently; a row with an expiry says who holds what, and until when, to every replica and to operators.
 */
final class PgCareJournal implements CareJournal {

    private static final String COLUMNS = "id, customer_id, action, agent, reason, ticket_id, request_id, status_before, "
            + "status_after, outcome, completed_by, requested_at, finished_at, matched";

    private final Pool pool;
    private final JournalConfig config;
    /** This replica, as lease holder: the host name where there is one (a pod's), and a per-process suffix. */
    private final String holder;
    /** When the last renewal that reached the database was sent ({@link System#nanoTime()}). */
    private volatile long renewedNanos = System.nanoTime();

    PgCareJournal(Pool pool, JournalConfig config, String host) {
        this.pool = pool;
        this.config = config;
        this.holder = host + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    String holder() {
        return holder;
    }

    @Override
    public Uni<Opened> open(ChangeIntent intent, Duration wait) {
        return Uni.createFrom().deferred(() -> attempt(intent, System.nanoTime() + wait.toNanos(), null))
                .onFailure(failure -> !(failure instanceof ChangeInProgressException))
                .transform(JournalUnavailableException::new);
    }

    /**
     * One try at the lease. While another change holds the wallet, polls until it ends or the wait is over. If that
     * change is the same action ({@code awaited}, seen on the previous try), its outcome is shared once it ended well.
     */
    private Uni<Opened> attempt(ChangeIntent intent, long deadline, String awaited) {
        return outcomeOf(awaited).flatMap(outcome -> {
            if (outcome != null && succeeded(outcome)) {
                return Uni.createFrom().item(Opened.joined(outcome));
            }
            String id = Ulid.next();
            long sent = System.nanoTime();
            return pool.preparedQuery("""
                    INSERT INTO wallet_change (id, customer_id, action, agent, reason, ticket_id, request_id, holder, lease_until)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now() + $9::bigint * interval '1 millisecond')
                    ON CONFLICT (customer_id) WHERE finished_at IS NULL DO NOTHING""")
                    .execute(Tuple.from(Arrays.asList(id, intent.customerId(), intent.action().name(), intent.agent(),
                            intent.reason() == null ? null : intent.reason().name(), intent.ticketId(), intent.requestId(),
                            holder, config.leaseTtl().toMillis())))
                    .flatMap(inserted -> {
                        if (inserted.rowCount() == 1) {
                            return Uni.createFrom().item(Opened.held(new Lease(id, intent, sent)));
                        }
                        if (System.nanoTime() >= deadline) {
                            return Uni.createFrom().failure(new ChangeInProgressException(intent.customerId()));
                        }
                        return sameActionInFlight(intent).onItem().delayIt().by(config.pollInterval())
                                .flatMap(blocker -> attempt(intent, deadline, blocker));
                    });
        });
    }

    private static boolean succeeded(String outcome) {
        return Arrays.stream(ActionOutcome.values()).anyMatch(value -> value.name().equals(outcome));
    }

    /** The outcome of a finished change, or null while it runs (or when there is none to ask about). */
    private Uni<String> outcomeOf(String id) {
        if (id == null) {
            return Uni.createFrom().nullItem();
        }
        return pool.preparedQuery("SELECT outcome FROM wallet_change WHERE id = $1 AND finished_at IS NOT NULL")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("outcome"));
    }

    /** The id of the wallet's change in flight if it is the same action as this one, else null. */
    private Uni<String> sameActionInFlight(ChangeIntent intent) {
        return pool.preparedQuery("SELECT id FROM wallet_change WHERE customer_id = $1 AND finished_at IS NULL AND action = $2")
                .execute(Tuple.of(intent.customerId(), intent.action().name()))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("id"));
    }

    @Override
    public Uni<Void> started(Lease lease, WalletStatus before) {
        return pool.preparedQuery("UPDATE wallet_change SET status_before = $2 WHERE id = $1")
                .execute(Tuple.of(lease.id(), before.name()))
                .onFailure().transform(JournalUnavailableException::new)
                .replaceWithVoid();
    }

    @Override
    public boolean held(Lease lease) {
        long safeFor = config.leaseTtl().minus(config.writeMargin()).toNanos();
        return System.nanoTime() - Math.max(lease.acquiredNanos(), renewedNanos) < safeFor;
    }

    @Override
    public Uni<Void> finish(Lease lease, String outcome, WalletStatus after, CompletedBy completedBy) {
        return pool.preparedQuery("""
                UPDATE wallet_change SET outcome = $3, status_after = $4, completed_by = $5, finished_at = now(),
                       holder = NULL, lease_until = NULL
                WHERE id = $1 AND holder = $2 AND finished_at IS NULL""")
                .execute(Tuple.of(lease.id(), holder, outcome, after == null ? null : after.name(), completedBy.name()))
                .invoke(rows -> {
                    if (rows.rowCount() == 0) {
                        Log.warnf("Change %s of customer %s ended (%s) after its lease had passed to another replica",
                                lease.id(), lease.intent().customerId(), outcome);
                    }
                })
                .replaceWithVoid();
    }

    /** Written finished, so it is never a lease: a change in flight and a verification do not meet. */
    @Override
    public Uni<Void> verification(String customerId, String agent, String requestId, boolean verified, List<String> matched) {
        return pool.preparedQuery("""
                INSERT INTO wallet_change (id, customer_id, action, agent, request_id, outcome, completed_by, finished_at, matched)
                VALUES ($1, $2, $3, $4, $5, $6, $7, now(), $8)""")
                .execute(Tuple.from(Arrays.asList(Ulid.next(), customerId, HistoryEntry.VERIFY, agent, requestId,
                        verified ? HistoryEntry.VERIFIED : HistoryEntry.NOT_VERIFIED, CompletedBy.REQUEST.name(),
                        String.join(",", matched))))
                .onFailure().transform(JournalUnavailableException::new)
                .replaceWithVoid();
    }

    @Override
    public Uni<History> history(String customerId, String before, int limit) {
        return pool.preparedQuery("SELECT " + COLUMNS
                + " FROM wallet_change WHERE customer_id = $1 AND ($2::text IS NULL OR id < $2) ORDER BY id DESC LIMIT $3")
                .execute(Tuple.of(customerId, before, limit + 1))
                .map(rows -> History.page(customerId, entries(rows), limit));
    }

    @Override
    public Uni<List<Lease>> claimAbandoned() {
        long sent = System.nanoTime();
        return pool.preparedQuery("""
                UPDATE wallet_change SET holder = $1, lease_until = now() + $2::bigint * interval '1 millisecond'
                WHERE id IN (SELECT id FROM wallet_change WHERE finished_at IS NULL AND lease_until < now()
                             ORDER BY lease_until LIMIT 10 FOR UPDATE SKIP LOCKED)
                RETURNING\s""" + COLUMNS)
                .execute(Tuple.of(holder, config.leaseTtl().toMillis()))
                .map(rows -> {
                    List<Lease> claimed = new ArrayList<>();
                    for (Row row : rows) {
                        claimed.add(new Lease(row.getString("id"), new ChangeIntent(row.getString("customer_id"),
                                WalletAction.valueOf(row.getString("action")), row.getString("agent"), reason(row),
                                row.getString("ticket_id"), row.getString("request_id")), sent));
                    }
                    return claimed;
                });
    }

    @Override
    public Uni<Void> renewLeases() {
        long sent = System.nanoTime();
        return pool.preparedQuery("""
                UPDATE wallet_change SET lease_until = now() + $2::bigint * interval '1 millisecond'
                WHERE holder = $1 AND finished_at IS NULL""")
                .execute(Tuple.of(holder, config.leaseTtl().toMillis()))
                .invoke(() -> renewedNanos = sent)
                .replaceWithVoid();
    }

    private static List<HistoryEntry> entries(RowSet<Row> rows) {
        List<HistoryEntry> entries = new ArrayList<>();
        for (Row row : rows) {
            entries.add(new HistoryEntry(row.getString("id"), row.getString("action"),
                    row.getString("outcome"), row.getString("agent"),
                    reason(row),
                    row.getString("ticket_id"), row.getString("request_id"), status(row, "status_before"),
                    status(row, "status_after"),
                    row.getString("completed_by") == null ? null : CompletedBy.valueOf(row.getString("completed_by")),
                    instant(row, "requested_at"), instant(row, "finished_at"), matched(row)));
        }
        return entries;
    }

    private static List<String> matched(Row row) {
        String matched = row.getString("matched");
        return matched == null ? null : matched.isEmpty() ? List.of() : List.of(matched.split(","));
    }

    private static ChangeReason reason(Row row) {
        return row.getString("reason") == null ? null : ChangeReason.valueOf(row.getString("reason"));
    }

    private static WalletStatus status(Row row, String column) {
        return row.getString(column) == null ? null : WalletStatus.valueOf(row.getString(column));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime time = row.getOffsetDateTime(column);
        return time == null ? null : time.toInstant();
    }

    @Override
    public String kind() {
        return "postgresql";
    }

    @Override
    public Uni<Boolean> reachable() {
        return pool.query("SELECT 1").execute().map(rows -> true)
                .ifNoItem().after(Duration.ofSeconds(2)).fail()
                .onFailure().recoverWithItem(false);
    }
}
