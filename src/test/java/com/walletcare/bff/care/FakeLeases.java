package com.walletcare.bff.care;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.walletcare.bff.care.HistoryEntry.CompletedBy;
import com.walletcare.bff.customer.WalletStatus;

import io.smallrye.mutiny.Uni;

/**
 * The leases of one replica alone, in memory, for unit tests of the use cases: every lease is this replica's, and its
 * confirmations are fresh unless a test says they come back stale (a journal too slow to prove the lease). Records
 * how each change ended.
 */
final class FakeLeases implements ChangeLeases {

    private record Held(String id, ChangeIntent intent) implements Lease {
    }

    private final Map<String, ChangeOutcome> ended = new LinkedHashMap<>();
    private final List<String> abandoned = new ArrayList<>();
    private boolean fresh = true;
    private int next;

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
    public Uni<Boolean> finish(Lease lease, ChangeOutcome outcome, WalletStatus after, CompletedBy completedBy) {
        ended.put(lease.id(), outcome);
        return Uni.createFrom().item(true);
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
