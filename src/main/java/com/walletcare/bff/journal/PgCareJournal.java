package com.walletcare.bff.journal;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.walletcare.bff.care.CareFailure;
import com.walletcare.bff.care.CareRecord;
import com.walletcare.bff.care.HoldEffect;
import com.walletcare.bff.care.ChangeIntent;
import com.walletcare.bff.care.ChangeOutcome;
import com.walletcare.bff.care.History;
import com.walletcare.bff.care.HistoryEntry;
import com.walletcare.bff.care.HistoryEntry.CompletedBy;
import com.walletcare.bff.care.Lease;
import com.walletcare.bff.care.LeaseLostException;
import com.walletcare.bff.care.Opened;
import com.walletcare.bff.customer.ChangeReason;
import com.walletcare.bff.customer.Hold;
import com.walletcare.bff.customer.WalletAction;
import com.walletcare.bff.customer.WalletStatus;

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

    /** The lease, taken if no other change of the wallet is open; its commit is not awaited (see {@link #attempt}). */
    private static final String TAKE_LEASE = """
            INSERT INTO wallet_change (id, customer_id, action, agent, reason, ticket_id, request_id, holder, lease_until)
            SELECT $1, $2, $3, $4, $5, $6, $7, $8, %s
            FROM %s
            ON CONFLICT (customer_id) WHERE finished_at IS NULL DO NOTHING""".formatted(leaseFromNow(9), Commits.NOT_AWAITED);
    /** The wallet's status before the first write, and the lease renewed (a confirmation) by the same statement. */
    private static final String STARTED = """
            WITH confirmed AS (
                UPDATE wallet_change SET status_before = $3, lease_until = %s
                WHERE id = $1 AND holder = $2 AND finished_at IS NULL RETURNING id)
            SELECT EXISTS (SELECT 1 FROM confirmed) AS held,
                   EXISTS (SELECT 1 FROM wallet_change WHERE id = $1) AS recorded""".formatted(leaseFromNow(4));
    private static final String CONFIRM = """
            UPDATE wallet_change SET lease_until = %s
            WHERE id = $1 AND holder = $2 AND finished_at IS NULL""".formatted(leaseFromNow(3));
    /** Up to ten expired leases, taken over by this replica under a holder name of their own. */
    private static final String CLAIM_ABANDONED = """
            UPDATE wallet_change SET holder = $1 || ':' || substr(md5(random()::text), 1, 8),
                   lease_until = %s
            WHERE id IN (SELECT id FROM wallet_change WHERE finished_at IS NULL AND lease_until < now()
                         ORDER BY lease_until LIMIT 10 FOR UPDATE SKIP LOCKED)
            RETURNING holder, %s""".formatted(leaseFromNow(2), COLUMNS);
    private static final String RENEW = """
            UPDATE wallet_change SET lease_until = %s
            WHERE holder = ANY($1) AND finished_at IS NULL
            RETURNING holder""".formatted(leaseFromNow(2));

    private final Pool pool;
    private final JournalConfig config;
    private final Ticker ticker;
    private final InstantSource clock;
    /** This replica, as lease holder: the host name where there is one (a pod's), and a per-process suffix. */
    private final String replica;
    /** The leases this replica works on, by holder token: renewed until their change ends in memory. */
    private final Map<String, HeldLease> working = new ConcurrentHashMap<>();

    PgCareJournal(Pool pool, JournalConfig config, String host, Ticker ticker, InstantSource clock) {
        this.pool = pool;
        this.config = config;
        this.ticker = ticker;
        this.clock = clock;
        this.replica = host + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    String replica() {
        return replica;
    }

    @Override
    public Uni<Opened> open(ChangeIntent intent, Duration wait) {
        return Uni.createFrom().deferred(() -> attempt(intent, ticker.nanos() + wait.toNanos(), null))
                .onFailure(failure -> !(failure instanceof CareFailure)).transform(PgCareJournal::unavailable);
    }

    /**
     * One try at the lease. While another change holds the wallet, polls until it ends or the wait is over. If that
     * change is the same action ({@code awaited}, seen on the previous try), its outcome is shared once it ended well.
     */
    private Uni<Opened> attempt(ChangeIntent intent, long deadline, String awaited) {
        return outcome(awaited).flatMap(outcome -> {
            if (outcome != null && outcome.action() != null) {
                return Uni.createFrom().item(Opened.joined(outcome));
            }
            String id = Ulid.next(clock.millis());
            String holder = replica + ":" + UUID.randomUUID().toString().substring(0, 8);
            long sent = ticker.nanos();
            return pool.preparedQuery(TAKE_LEASE)
                    .execute(Tuple.from(Arrays.asList(id, intent.customerId(), intent.action().name(), intent.agent(),
                            intent.reason() == null ? null : intent.reason().name(), intent.ticketId(), intent.requestId(),
                            holder, config.leaseTtl().toMillis())))
                    .flatMap(inserted -> {
                        if (inserted.rowCount() == 1) {
                            return Uni.createFrom().item(Opened.held(work(new HeldLease(id, intent, holder), sent)));
                        }
                        if (ticker.nanos() >= deadline) {
                            return Uni.createFrom().failure(CareFailure.changeInProgress(intent.customerId()));
                        }
                        return sameActionInFlight(intent).onItem().delayIt().by(config.pollInterval())
                                .flatMap(blocker -> attempt(intent, deadline, blocker));
                    });
        });
    }

    /** A lease taken (its statement sent at {@code sent}): renewed from now on, and confirmed as of then. */
    private HeldLease work(HeldLease lease, long sent) {
        lease.confirmedAt(sent);
        working.put(lease.holder(), lease);
        return lease;
    }

    /** The journal cannot be reached: said once here, in this service's words, with the cause in the log. */
    private static CareFailure unavailable(Throwable cause) {
        Log.warnf("The care journal cannot be reached (%s)", cause.getMessage());
        return CareFailure.journalUnavailable();
    }

    @Override
    public Uni<ChangeOutcome> outcome(String id) {
        if (id == null) {
            return Uni.createFrom().nullItem();
        }
        return pool.preparedQuery("SELECT outcome FROM wallet_change WHERE id = $1 AND finished_at IS NOT NULL")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : ChangeOutcome.valueOf(rows.iterator().next().getString("outcome")));
    }

    /** The id of the wallet's change in flight if it is the same action as this one, else null. */
    private Uni<String> sameActionInFlight(ChangeIntent intent) {
        return pool.preparedQuery("SELECT id FROM wallet_change WHERE customer_id = $1 AND finished_at IS NULL AND action = $2")
                .execute(Tuple.of(intent.customerId(), intent.action().name()))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("id"));
    }

    /**
     * Records the status and, in the same statement, confirms the lease as {@link #confirm} does: the first gateway
     * write then needs no statement of its own (one round trip and one commit fewer per change that writes).
     *
     * <p>The lease's row was committed without waiting for the disk ({@link Commits}), so a database that crashed in
     * between may have lost it: then no replica holds the change, nothing was sent, and the answer says the journal
     * was away, not that another replica took the change over.
     */
    @Override
    public Uni<Void> started(Lease taken, WalletStatus before) {
        HeldLease lease = (HeldLease) taken;
        return Uni.createFrom().deferred(() -> {
            long sent = ticker.nanos();
            return pool.preparedQuery(STARTED)
                    .execute(Tuple.of(lease.id(), lease.holder(), before.name(), config.leaseTtl().toMillis()))
                    .onFailure().transform(PgCareJournal::unavailable)
                    .invoke(rows -> {
                        Row row = rows.iterator().next();
                        if (!row.getBoolean("recorded")) {
                            forget(lease);
                            throw CareFailure.journalUnavailable();
                        }
                        if (!row.getBoolean("held")) {
                            lose(lease);
                            throw new LeaseLostException(lease.id());
                        }
                        lease.confirmedAhead(sent);
                    })
                    .replaceWithVoid();
        });
    }

    /**
     * Proves the lease in the database before a gateway write. The confirmation {@link #started} made after the
     * wallet's lookup serves the first write (nothing but this replica's own decision lies between them); every
     * later write sends its own.
     */
    @Override
    public Uni<Void> confirm(Lease taken) {
        HeldLease lease = (HeldLease) taken;
        if (lease.lost()) {
            return Uni.createFrom().failure(new LeaseLostException(lease.id()));
        }
        if (lease.spendConfirmation()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(() -> {
            long sent = ticker.nanos();
            return pool.preparedQuery(CONFIRM)
                    .execute(Tuple.of(lease.id(), lease.holder(), config.leaseTtl().toMillis()))
                    .onFailure().transform(PgCareJournal::unavailable)
                    .invoke(rows -> {
                        requireHeld(lease, rows);
                        lease.confirmedAt(sent);
                    })
                    .replaceWithVoid();
        });
    }

    /** A statement on the lease's row that found no row: the row is another holder's, or finished. */
    private void requireHeld(HeldLease lease, RowSet<Row> rows) {
        if (rows.rowCount() == 0) {
            lose(lease);
            throw new LeaseLostException(lease.id());
        }
    }

    private void lose(HeldLease lease) {
        drop(lease, "passed to another replica: this one writes nothing more for it");
    }

    private void forget(HeldLease lease) {
        drop(lease, "is not in the care journal any more (lost in a database crash, or deleted): nothing was sent to the"
                + " gateway for it");
    }

    /** This replica writes nothing more for the change: its lease is lost, and no renewal looks for it again. */
    private void drop(HeldLease lease, String why) {
        lease.lose();
        working.remove(lease.holder(), lease);
        Log.warnf("Change %s of customer %s %s", lease.id(), lease.intent().customerId(), why);
    }

    /**
     * A confirmation sent at t extended the lease to at least t + lease-ttl in the database's time. A write that
     * starts before t + lease-ttl - write-margin on this replica's monotonic clock ends (or is cut off by the gateway
     * read timeout, shorter than the margin) before that.
     */
    @Override
    public boolean confirmed(Lease lease) {
        return ((HeldLease) lease).confirmedWithin(ticker.nanos(), config.leaseTtl().minus(config.writeMargin()).toNanos());
    }

    /**
     * One statement: the change's end, conditioned on this lease, and its effect on the hold, made only if that end was
     * recorded. A fraud hold replaces a hold of another reason; any other hold already there stays.
     */
    @Override
    public Uni<Boolean> finish(Lease taken, ChangeOutcome outcome, WalletStatus after, CompletedBy completedBy,
            HoldEffect hold) {
        HeldLease lease = (HeldLease) taken;
        working.remove(lease.holder(), lease);
        return pool.preparedQuery("""
                WITH finished AS (
                    UPDATE wallet_change SET outcome = $3, status_after = $4, completed_by = $5, finished_at = now(),
                           holder = NULL, lease_until = NULL
                    WHERE id = $1 AND holder = $2 AND finished_at IS NULL
                    RETURNING id, customer_id, reason, ticket_id, agent, finished_at),
                placed AS (
                    INSERT INTO wallet_hold (customer_id, reason, ticket_id, agent, since, change_id)
                    SELECT customer_id, reason, ticket_id, agent, finished_at, id FROM finished WHERE $6 = 'PLACE'
                    ON CONFLICT (customer_id) DO UPDATE SET reason = excluded.reason, ticket_id = excluded.ticket_id,
                           agent = excluded.agent, since = excluded.since, change_id = excluded.change_id
                    WHERE excluded.reason = 'SUSPECTED_FRAUD' AND wallet_hold.reason IS DISTINCT FROM 'SUSPECTED_FRAUD'),
                lifted AS (
                    DELETE FROM wallet_hold WHERE $6 = 'LIFT' AND customer_id IN (SELECT customer_id FROM finished))
                SELECT count(*) AS ended FROM finished""")
                .execute(Tuple.from(Arrays.asList(lease.id(), lease.holder(), outcome.name(),
                        after == null ? null : after.name(), completedBy.name(), hold.name())))
                .onFailure().transform(PgCareJournal::unavailable)
                .map(rows -> {
                    if (rows.iterator().next().getLong("ended") == 0) {
                        lease.lose();
                        Log.warnf("Change %s of customer %s ended (%s) after it had passed to another replica: its"
                                + " outcome stands", lease.id(), lease.intent().customerId(), outcome);
                        return false;
                    }
                    return true;
                });
    }

    @Override
    public Uni<Map<String, CareRecord>> records(Collection<String> customerIds) {
        return pool.preparedQuery("""
                SELECT c.id, h.reason, h.ticket_id, h.agent, h.since,
                       (SELECT w.action = 'UNLOCK' AND w.outcome = ANY($2) FROM wallet_change w
                        WHERE w.customer_id = c.id AND w.action <> 'VERIFY' AND w.finished_at IS NOT NULL
                        ORDER BY w.seq DESC LIMIT 1) AS unfinished_unlock
                FROM unnest($1::text[]) AS c(id) LEFT JOIN wallet_hold h ON h.customer_id = c.id""")
                .execute(Tuple.of(customerIds.toArray(String[]::new),
                        ChangeOutcome.UNFINISHED_UNLOCK.stream().map(Enum::name).toArray(String[]::new)))
                .onFailure().transform(PgCareJournal::unavailable)
                .map(rows -> {
                    Map<String, CareRecord> records = new HashMap<>();
                    for (Row row : rows) {
                        Hold hold = row.getString("agent") == null ? null : new Hold(reason(row),
                                row.getString("ticket_id"), row.getString("agent"), instant(row, "since"));
                        records.put(row.getString("id"), new CareRecord(hold, Boolean.TRUE.equals(row.getBoolean("unfinished_unlock"))));
                    }
                    return records;
                });
    }

    @Override
    public void abandon(Lease lease) {
        working.remove(((HeldLease) lease).holder(), lease);
    }

    /** Written finished, so it is never a lease: a change in flight and a verification do not meet. */
    @Override
    public Uni<Void> verification(String customerId, String agent, String requestId, boolean verified, List<String> matched) {
        return pool.preparedQuery("""
                INSERT INTO wallet_change (id, customer_id, action, agent, request_id, outcome, completed_by, finished_at, matched)
                VALUES ($1, $2, $3, $4, $5, $6, $7, now(), $8)""")
                .execute(Tuple.from(Arrays.asList(Ulid.next(clock.millis()), customerId, HistoryEntry.VERIFY, agent, requestId,
                        verified ? HistoryEntry.VERIFIED : HistoryEntry.NOT_VERIFIED, CompletedBy.REQUEST.name(),
                        String.join(",", matched))))
                .onFailure().transform(PgCareJournal::unavailable)
                .replaceWithVoid();
    }

    @Override
    public Uni<History> history(String customerId, String before, int limit) {
        // In the order the database took them (its sequence), not by ids a replica's clock made: clocks may differ.
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM wallet_change WHERE customer_id = $1 AND ($2::text IS NULL"
                + " OR seq < (SELECT seq FROM wallet_change WHERE id = $2)) ORDER BY seq DESC LIMIT $3")
                .execute(Tuple.of(customerId, before, limit + 1))
                .map(rows -> History.page(customerId, rows.stream().map(PgCareJournal::entry).toList(), limit));
    }

    @Override
    public Uni<List<Lease>> claimAbandoned() {
        return Uni.createFrom().deferred(() -> {
            long sent = ticker.nanos();
            return pool.preparedQuery(CLAIM_ABANDONED)
                    .execute(Tuple.of(replica, config.leaseTtl().toMillis()))
                    .map(rows -> {
                        List<Lease> claimed = new ArrayList<>();
                        for (Row row : rows) {
                            claimed.add(work(new HeldLease(row.getString("id"), new ChangeIntent(row.getString("customer_id"),
                                    WalletAction.valueOf(row.getString("action")), row.getString("agent"), reason(row),
                                    row.getString("ticket_id"), row.getString("request_id")), row.getString("holder")), sent));
                        }
                        return claimed;
                    });
        });
    }

    @Override
    public Uni<Void> renewLeases() {
        if (working.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<HeldLease> renewing = List.copyOf(working.values());
        long sent = ticker.nanos();
        return pool.preparedQuery(RENEW)
                .execute(Tuple.of(renewing.stream().map(HeldLease::holder).toArray(String[]::new), config.leaseTtl().toMillis()))
                .invoke(rows -> {
                    List<String> renewed = rows.stream().map(row -> row.getString("holder")).toList();
                    for (HeldLease lease : renewing) {
                        if (renewed.contains(lease.holder())) {
                            lease.confirmedAt(sent);
                        } else if (working.containsKey(lease.holder())) {
                            lose(lease);
                        }
                    }
                })
                .replaceWithVoid();
    }

    private static HistoryEntry entry(Row row) {
        return new HistoryEntry(row.getString("id"), row.getString("action"), row.getString("outcome"),
                row.getString("agent"), reason(row), row.getString("ticket_id"), row.getString("request_id"),
                status(row, "status_before"), status(row, "status_after"),
                row.getString("completed_by") == null ? null : CompletedBy.valueOf(row.getString("completed_by")),
                instant(row, "requested_at"), instant(row, "finished_at"), matched(row));
    }

    /** The end of a lease of the given length from now, in the database's time: {@code $n} is its length in ms. */
    private static String leaseFromNow(int parameter) {
        return "now() + $" + parameter + "::bigint * interval '1 millisecond'";
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
    public Uni<Void> forgetFinished() {
        return pool.query("DELETE FROM wallet_change WHERE finished_at IS NOT NULL").execute()
                .chain(() -> pool.query("DELETE FROM wallet_hold").execute()).replaceWithVoid();
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
