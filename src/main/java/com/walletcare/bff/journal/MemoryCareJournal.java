package com.walletcare.bff.journal;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.walletcare.bff.care.CareFailure;
import com.walletcare.bff.care.CareRecord;
import com.walletcare.bff.care.HoldEffect;
import com.walletcare.bff.care.ChangeIntent;
import com.walletcare.bff.care.ChangeOutcome;
import com.walletcare.bff.care.History;
import com.walletcare.bff.care.HistoryEntry;
import com.walletcare.bff.care.HistoryEntry.CompletedBy;
import com.walletcare.bff.care.Lease;
import com.walletcare.bff.care.Opened;
import com.walletcare.bff.customer.Hold;
import com.walletcare.bff.customer.WalletAction;
import com.walletcare.bff.customer.WalletStatus;

import io.smallrye.mutiny.Uni;

/**
 * The journal with no database: history kept in memory until the process ends (the newest 1,000 changes per wallet),
 * one change per wallet within this process. Right for a laptop or a single instance; more than one replica needs
 * PostgreSQL. Nothing outlives the process, so there is nothing for a recovery sweep to find.
 */
final class MemoryCareJournal implements CareJournal {

    private static final int KEPT_PER_WALLET = 1_000;

    /** Every wallet's entries, newest first; the open one of a wallet is its lease. Guarded by itself. */
    private final Map<String, LinkedList<HistoryEntry>> entries = new HashMap<>();
    /** Every wallet's hold. Guarded by {@code entries}. */
    private final Map<String, Hold> holds = new HashMap<>();
    private final InstantSource clock;

    MemoryCareJournal(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public Uni<Opened> open(ChangeIntent intent, Duration wait) {
        synchronized (entries) {
            LinkedList<HistoryEntry> wallet = entries.computeIfAbsent(intent.customerId(), id -> new LinkedList<>());
            // Changes to one wallet are already one at a time in this process (care.OneFlightPerCustomer): an open
            // entry here is a broken promise, not something to wait for.
            if (!wallet.isEmpty() && wallet.getFirst().finishedAt() == null) {
                return Uni.createFrom().failure(CareFailure.changeInProgress(intent.customerId()));
            }
            HistoryEntry entry = new HistoryEntry(Ulid.next(clock.millis()), intent.action().name(), null, intent.agent(),
                    intent.reason(), intent.ticketId(), intent.requestId(), null, null, null, clock.instant(), null, null);
            keep(wallet, entry);
            return Uni.createFrom().item(Opened.held(new HeldLease(entry.id(), intent, "memory")));
        }
    }

    @Override
    public Uni<Void> started(Lease lease, WalletStatus before) {
        update(lease, entry -> new HistoryEntry(entry.id(), entry.action(), null, entry.agent(), entry.reason(),
                entry.ticketId(), entry.requestId(), before, null, null, entry.requestedAt(), null, null));
        return Uni.createFrom().voidItem();
    }

    /** One process: nobody else can take a lease over. */
    @Override
    public Uni<Void> confirm(Lease lease) {
        return Uni.createFrom().voidItem();
    }

    @Override
    public boolean confirmed(Lease lease) {
        return true;
    }

    @Override
    public Uni<Boolean> finish(Lease lease, ChangeOutcome outcome, WalletStatus after, CompletedBy completedBy,
            HoldEffect hold) {
        Instant now = clock.instant();
        ChangeIntent intent = lease.intent();
        synchronized (entries) {
            update(lease, entry -> new HistoryEntry(entry.id(), entry.action(), outcome.name(), entry.agent(), entry.reason(),
                    entry.ticketId(), entry.requestId(), entry.statusBefore(), after, completedBy, entry.requestedAt(),
                    now, null));
            switch (hold) {
                case PLACE -> holds.merge(intent.customerId(), new Hold(intent.reason(), intent.ticketId(), intent.agent(), now),
                        Hold::kept);
                case LIFT -> holds.remove(intent.customerId());
                case NONE -> {
                }
            }
        }
        return Uni.createFrom().item(true);
    }

    /** Never called: memory cannot be out of reach. Were it, with no recovery sweep here, the entry is closed. */
    @Override
    public void abandon(Lease lease) {
        finish(lease, ChangeOutcome.INTERRUPTED, null, CompletedBy.REQUEST, HoldEffect.NONE);
    }

    @Override
    public Uni<Map<String, CareRecord>> records(Collection<String> customerIds) {
        Map<String, CareRecord> records = new HashMap<>();
        synchronized (entries) {
            for (String id : customerIds) {
                HistoryEntry latest = entries.getOrDefault(id, new LinkedList<>()).stream()
                        .filter(entry -> !HistoryEntry.VERIFY.equals(entry.action()) && entry.finishedAt() != null)
                        .findFirst().orElse(null);
                boolean unfinishedUnlock = latest != null && latest.action().equals(WalletAction.UNLOCK.name())
                        && ChangeOutcome.UNFINISHED_UNLOCK.contains(ChangeOutcome.valueOf(latest.outcome()));
                records.put(id, new CareRecord(holds.get(id), unfinishedUnlock));
            }
        }
        return Uni.createFrom().item(records);
    }

    @Override
    public Uni<ChangeOutcome> outcome(String changeId) {
        synchronized (entries) {
            return Uni.createFrom().item(entries.values().stream().flatMap(List::stream)
                    .filter(entry -> entry.id().equals(changeId) && entry.outcome() != null).findFirst()
                    .map(entry -> ChangeOutcome.valueOf(entry.outcome())).orElse(null));
        }
    }

    @Override
    public Uni<Void> verification(String customerId, String agent, String requestId, boolean verified, List<String> matched) {
        Instant now = clock.instant();
        synchronized (entries) {
            keep(entries.computeIfAbsent(customerId, id -> new LinkedList<>()), new HistoryEntry(Ulid.next(clock.millis()),
                    HistoryEntry.VERIFY, verified ? HistoryEntry.VERIFIED : HistoryEntry.NOT_VERIFIED, agent, null, null, requestId, null, null, CompletedBy.REQUEST,
                    now, now, List.copyOf(matched)));
        }
        return Uni.createFrom().voidItem();
    }

    /** The newest entry first; the oldest beyond {@link #KEPT_PER_WALLET} is forgotten. Called holding {@code entries}. */
    private static void keep(LinkedList<HistoryEntry> wallet, HistoryEntry entry) {
        wallet.addFirst(entry);
        if (wallet.size() > KEPT_PER_WALLET) {
            wallet.removeLast();
        }
    }

    private void update(Lease lease, UnaryOperator<HistoryEntry> change) {
        synchronized (entries) {
            entries.getOrDefault(lease.intent().customerId(), new LinkedList<>())
                    .replaceAll(entry -> entry.id().equals(lease.id()) ? change.apply(entry) : entry);
        }
    }

    @Override
    public Uni<History> history(String customerId, String before, int limit) {
        List<HistoryEntry> page = new ArrayList<>();
        synchronized (entries) {
            // In the order they were made (newest first), from just after the cursor's entry.
            boolean afterCursor = before == null;
            for (HistoryEntry entry : entries.getOrDefault(customerId, new LinkedList<>())) {
                if (afterCursor) {
                    page.add(entry);
                }
                afterCursor |= entry.id().equals(before);
                if (page.size() > limit) {
                    break;
                }
            }
        }
        return Uni.createFrom().item(History.page(customerId, page, limit));
    }

    @Override
    public Uni<List<Lease>> claimAbandoned() {
        return Uni.createFrom().item(List.of());
    }

    @Override
    public Uni<Void> renewLeases() {
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> forgetFinished() {
        synchronized (entries) {
            entries.values().forEach(wallet -> wallet.removeIf(entry -> entry.finishedAt() != null));
            entries.values().removeIf(LinkedList::isEmpty);
            holds.clear();
        }
        return Uni.createFrom().voidItem();
    }

    @Override
    public String kind() {
        return "memory";
    }

    @Override
    public Uni<Boolean> reachable() {
        return Uni.createFrom().item(true);
    }
}
