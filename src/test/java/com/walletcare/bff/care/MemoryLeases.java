package com.walletcare.bff.care;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.walletcare.bff.care.HistoryEntry.CompletedBy;
import com.walletcare.bff.customer.Hold;
import com.walletcare.bff.customer.WalletAction;
import com.walletcare.bff.customer.WalletStatus;
import com.walletcare.bff.journal.MemoryJournal;

import io.smallrye.mutiny.Uni;

/**
 * The service's own journal without a database ({@link MemoryJournal}), for unit tests of the use cases, with what a
 * test needs besides: confirmations that come back stale (a journal too slow to prove the lease), abandoned leases
 * left as a journal with a recovery sweep leaves them (to the sweep), and how each change ended.
 */
final class MemoryLeases implements ChangeLeases, CareHistory {

    private static final Duration WAIT = Duration.ofSeconds(1);

    private final ChangeLeases leases;
    private final CareHistory history;
    /** The changes opened, in order, and the wallets they were for. */
    private final List<String> opened = new ArrayList<>();
    private final Set<String> customers = new LinkedHashSet<>();
    private final List<String> abandoned = new ArrayList<>();
    private boolean fresh = true;

    MemoryLeases() {
        var journal = MemoryJournal.create(InstantSource.system());
        this.leases = journal;
        this.history = journal;
    }

    /** The wallet's latest change through the service is an unlock that did not finish. */
    MemoryLeases afterUnfinishedUnlock(String customerId) {
        ChangeIntent unlock = new ChangeIntent(customerId, WalletAction.UNLOCK, "agent", null, null, "earlier");
        Lease lease = open(unlock, WAIT).await().atMost(WAIT).lease();
        finish(lease, ChangeOutcome.UNLOCK_INCOMPLETE, WalletStatus.DEACTIVATED, CompletedBy.REQUEST, HoldEffect.NONE)
                .await().atMost(WAIT);
        opened.remove(lease.id());
        return this;
    }

    /** From now on, every confirmation is too old by the time a write would start. */
    MemoryLeases stale() {
        fresh = false;
        return this;
    }

    /** How each change ended, in the order they were opened; those still open are left out. */
    List<ChangeOutcome> outcomes() {
        return opened.stream().map(id -> outcome(id).await().atMost(WAIT)).filter(Objects::nonNull).toList();
    }

    List<String> abandoned() {
        return abandoned;
    }

    /** The holds of the wallets changed so far. */
    Map<String, Hold> holds() {
        return records(customers).await().atMost(WAIT).entrySet().stream().filter(record -> record.getValue().hold() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, record -> record.getValue().hold()));
    }

    @Override
    public Uni<Opened> open(ChangeIntent intent, Duration wait) {
        customers.add(intent.customerId());
        return leases.open(intent, wait).invoke(result -> {
            if (result.lease() != null) {
                opened.add(result.lease().id());
            }
        });
    }

    @Override
    public Uni<Void> started(Lease lease, WalletStatus before) {
        return leases.started(lease, before);
    }

    @Override
    public Uni<Void> confirm(Lease lease) {
        return leases.confirm(lease);
    }

    @Override
    public boolean confirmed(Lease lease) {
        return fresh && leases.confirmed(lease);
    }

    @Override
    public Uni<Boolean> finish(Lease lease, ChangeOutcome outcome, WalletStatus after, CompletedBy completedBy,
            HoldEffect hold) {
        return leases.finish(lease, outcome, after, completedBy, hold);
    }

    /** Left open, as a journal with a recovery sweep leaves it for the sweep (the memory journal, having none, closes it). */
    @Override
    public void abandon(Lease lease) {
        abandoned.add(lease.id());
    }

    @Override
    public Uni<ChangeOutcome> outcome(String changeId) {
        return leases.outcome(changeId);
    }

    @Override
    public Uni<List<Lease>> claimAbandoned() {
        return leases.claimAbandoned();
    }

    @Override
    public Uni<Void> verification(String customerId, String agent, String requestId, boolean verified, List<String> matched) {
        return history.verification(customerId, agent, requestId, verified, matched);
    }

    @Override
    public Uni<Map<String, CareRecord>> records(Collection<String> customerIds) {
        return history.records(customerIds);
    }

    @Override
    public Uni<History> history(String customerId, String before, int limit) {
        return history.history(customerId, before, limit);
    }

    @Override
    public Uni<Void> forgetFinished() {
        return history.forgetFinished();
    }
}
