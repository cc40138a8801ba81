package com.walletcare.bff.care;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.walletcare.bff.care.HistoryEntry.CompletedBy;
import com.walletcare.bff.customer.Hold;
import com.walletcare.bff.customer.WalletAction;
import com.walletcare.bff.customer.WalletStatus;

import io.smallrye.mutiny.Uni;

/**
 * The leases of one replica alone, in memory, for unit tests of the use cases: every lease is this replica's, and its
 * confirmations are fresh unless a test says they come back stale (a journal too slow to prove the lease). Records
 * how each change ended.
 */
final class FakeLeases implements ChangeLeases, CareHistory {

    private record Held(String id, ChangeIntent intent) implements Lease {
    }

    private final Map<String, ChangeOutcome> ended = new LinkedHashMap<>();
    private final Map<String, Hold> holds = new HashMap<>();
    /** Per wallet: whether its latest change is an unlock that did not finish. */
    private final Map<String, Boolean> latest = new HashMap<>();
    private final List<String> abandoned = new ArrayList<>();
    private boolean fresh = true;
    private int next;

    /** The wallet's latest change through the service is an unlock that did not finish. */
    FakeLeases afterUnfinishedUnlock(String customerId) {
        latest.put(customerId, true);
        return this;
    }

    /** From now on, every confirmation is too old by the time a write would start. */
    FakeLeases stale() {
        fresh = false;
        return this;
    }

    /** How each change ended, in order. */
    List<ChangeOutcome> outcomes() {
        return List.copyOf(ended.values());
    }

    List<String> abandoned() {
        return abandoned;
    }

    @Override
    public Uni<Opened> open(ChangeIntent intent, Duration wait) {
        return Uni.createFrom().item(Opened.held(new Held("change-" + ++next, intent)));
    }

    @Override
    public Uni<Void> started(Lease lease, WalletStatus before) {
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> confirm(Lease lease) {
        return Uni.createFrom().voidItem();
    }

    @Override
    public boolean confirmed(Lease lease) {
        return fresh;
    }

    @Override
    public Uni<Boolean> finish(Lease lease, ChangeOutcome outcome, WalletStatus after, CompletedBy completedBy,
            HoldEffect hold) {
        ended.put(lease.id(), outcome);
        ChangeIntent intent = lease.intent();
        latest.put(intent.customerId(), intent.action() == WalletAction.UNLOCK && ChangeOutcome.UNFINISHED_UNLOCK.contains(outcome));
        switch (hold) {
            case PLACE -> holds.merge(intent.customerId(), new Hold(intent.reason(), intent.ticketId(), intent.agent(),
                    Instant.parse("2026-12-05T10:00:00Z")), Hold::kept);
            case LIFT -> holds.remove(intent.customerId());
            case NONE -> {
            }
        }
        return Uni.createFrom().item(true);
    }

    /** What the journal knows of each wallet, as the fake has recorded it. */
    @Override
    public Uni<Map<String, CareRecord>> records(Collection<String> customerIds) {
        Map<String, CareRecord> records = new HashMap<>();
        customerIds.forEach(id -> records.put(id, new CareRecord(holds.get(id), latest.getOrDefault(id, false))));
        return Uni.createFrom().item(records);
    }

    @Override
    public Uni<Void> verification(String customerId, String agent, String requestId, boolean verified, List<String> matched) {
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<History> history(String customerId, String before, int limit) {
        return Uni.createFrom().item(new History(customerId, List.of(), null));
    }

    @Override
    public Uni<Void> forgetFinished() {
        ended.clear();
        holds.clear();
        latest.clear();
        return Uni.createFrom().voidItem();
    }

    Map<String, Hold> holds() {
        return holds;
    }

    @Override
    public void abandon(Lease lease) {
        abandoned.add(lease.id());
    }

    @Override
    public Uni<ChangeOutcome> outcome(String changeId) {
        return Uni.createFrom().item(ended.get(changeId));
    }

    @Override
    public Uni<List<Lease>> claimAbandoned() {
        return Uni.createFrom().item(List.of());
    }
}
