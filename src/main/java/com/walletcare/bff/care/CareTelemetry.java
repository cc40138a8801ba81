package com.walletcare.bff.care;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.walletcare.bff.customer.WalletAction;
import com.walletcare.bff.telemetry.Spans;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;

/**
 * What operators see of the care work: one span per change and per recovery (the gateway and journal calls under it),
 * and the care metrics. Every tag is bounded: an action, an outcome or error code, a journal kind; never a customer
 * id or an agent (those are on the spans and in the audit log).
 *
 * <ul>
 * <li>{@code care_change_seconds{action, outcome}}: each change as its caller saw it, from asking to the outcome or
 * error code ({@code UNLOCKED}, {@code ALREADY_ACTIVE}, {@code CHANGE_IN_PROGRESS}, {@code UNLOCK_INCOMPLETE}, ...).
 * A call that joined a change in flight is counted with the outcome it shared.</li>
 * <li>{@code care_lease_wait_seconds{result}}: how long a change waited for its wallet (the journal's lease):
 * {@code held}, {@code joined} (the same action ended meanwhile, its outcome shared), {@code change_in_progress}
 * (given up after care.change-wait), {@code journal_unavailable}.</li>
 * <li>{@code care_recoveries_total{action, outcome}}: changes finished by the recovery sweep, by the outcome it
 * journaled, or {@code FAILED} when it could not finish one (the next sweep tries again).</li>
 * <li>{@code care_journal_available{kind}}: in journal.JournalAvailability (the core does not know the database).</li>
 * <li>{@code care_holds_placed_total}, {@code care_holds_lifted_total}: see {@link #holdPlaced()}.</li>
 * </ul>
 * Verification results are {@code wallet_actions_total{action="VERIFY", outcome}} (api.AuditFilter).
 */
@ApplicationScoped
public class CareTelemetry {

    static final AttributeKey<String> ACTION = AttributeKey.stringKey("care.action");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("care.outcome");
    static final AttributeKey<String> CUSTOMER_ID = AttributeKey.stringKey("care.customer_id");
    static final AttributeKey<String> CHANGE_ID = AttributeKey.stringKey("care.change_id");

    private final MeterRegistry registry;
    private final Tracer tracer;
    /** Registered once per tag combination, not looked up by tags on every call. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    CareTelemetry(MeterRegistry registry, Tracer tracer) {
        this.registry = registry;
        this.tracer = tracer;
    }

    /** A change of a wallet, as one caller asked it: its span (the gateway and journal calls under it) and its time. */
    Uni<ActionResult> change(ChangeIntent intent, Supplier<Uni<ActionResult>> change) {
        return traced("care " + intent.action().name().toLowerCase(), intent, null, change, failure -> ChangeOutcome.of(failure).name(),
                (outcome, nanos) -> timer("care.change", "Wallet changes, from asking to the outcome",
                        "action", intent.action().name(), "outcome", outcome).record(nanos, TimeUnit.NANOSECONDS),
                result -> result.outcome().name());
    }

    /** Waiting for the wallet's lease: timed by how the wait ended. */
    Uni<Opened> leaseWait(Uni<Opened> open) {
        return Uni.createFrom().deferred(() -> {
            long start = System.nanoTime();
            return open.onItemOrFailure().invoke((opened, failure) -> timer("care.lease.wait",
                    "Time a change waited for its wallet's lease", "result", failure != null
                            ? ChangeOutcome.of(failure).name().toLowerCase()
                            : opened.lease() != null ? "held" : "joined")
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
        });
    }

    /** A change finished by the recovery sweep: a root span of its own (no request), and its count by outcome. */
    Uni<ChangeOutcome> recovery(ChangeIntent intent, String changeId, Supplier<Uni<ChangeOutcome>> recovery) {
        return traced("care recovery " + intent.action().name().toLowerCase(), intent, changeId, recovery,
                failure -> "FAILED",
                (outcome, nanos) -> counter("care.recoveries", "Changes finished by the recovery sweep",
                        "action", intent.action().name(), "outcome", outcome).increment(),
                ChangeOutcome::name);
    }

    /**
     * A deactivation placed a hold on a wallet (WalletChanges, once its end is journaled). Counted in
     * {@code care_holds_placed_total}, registered at the first hold, so no series exists before holds do.
     */
    public void holdPlaced() {
        counter("care.holds.placed", "Holds placed on wallets").increment();
    }

    /** An activation lifted a wallet's hold, if it had one. Counted in {@code care_holds_lifted_total}. */
    public void holdLifted() {
        counter("care.holds.lifted", "Holds lifted from wallets").increment();
    }

    interface Record {
        void outcome(String outcome, long nanos);
    }

    /**
     * Runs {@code work} under a new span, with the action and the customer id (an id, allowed on spans; never in a
     * metric tag) as attributes, and the outcome or error code at the end.
     */
    private <T> Uni<T> traced(String name, ChangeIntent intent, String changeId, Supplier<Uni<T>> work, Function<Throwable, String> failureOutcome,
            Record record, Function<T, String> outcomeOf) {
        return Spans.traced(tracer, Context.current(), name, SpanKind.INTERNAL, span -> {
            long start = System.nanoTime();
            span.setAttribute(ACTION, intent.action().name());
            span.setAttribute(CUSTOMER_ID, intent.customerId());
            if (changeId != null) {
                span.setAttribute(CHANGE_ID, changeId);
            }
            return work.get().onItemOrFailure().invoke((item, failure) -> {
                String outcome = failure == null ? outcomeOf.apply(item) : failureOutcome.apply(failure);
                span.setAttribute(OUTCOME, outcome);
                if (failure != null) {
                    span.setStatus(StatusCode.ERROR, outcome);
                }
                record.outcome(outcome, System.nanoTime() - start);
            });
        });
    }

    private Timer timer(String name, String description, String... tags) {
        return timers.computeIfAbsent(name + String.join("/", tags),
                key -> Timer.builder(name).description(description).tags(tags).register(registry));
    }

    private Counter counter(String name, String description, String... tags) {
        return counters.computeIfAbsent(name + String.join("/", tags),
                key -> Counter.builder(name).description(description).tags(tags).register(registry));
    }

    /** For unit tests of the use cases: no registry, no exporter. */
    static CareTelemetry none() {
        return new CareTelemetry(new io.micrometer.core.instrument.simple.SimpleMeterRegistry(),
                io.opentelemetry.api.OpenTelemetry.noop().getTracer("none"));
    }
}
