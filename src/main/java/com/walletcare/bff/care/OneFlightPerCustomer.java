package com.walletcare.bff.care;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.walletcare.bff.customer.WalletAction;

import io.smallrye.mutiny.Uni;

/**
 * Within one instance, at most one gateway sequence per customer at a time. A request for the action already in
 * flight joins it and shares its result (two agents, a double click, a client retry); a different action waits for it
 * to end, then runs on the state it left. Both waits are bounded: a different action that cannot start within
 * {@code care.change-wait} is CHANGE_IN_PROGRESS, and no caller waits longer than {@code care.answer-timeout} for an
 * outcome. A sequence outlives its callers: it is never cancelled half-way, so its gateway calls always settle.
 */
@ApplicationScoped
class OneFlightPerCustomer {

    private record Flight(WalletAction action, Uni<ActionResult> result) {
    }

    private final ConcurrentHashMap<String, Flight> flights = new ConcurrentHashMap<>();
    private final CareConfig config;

    OneFlightPerCustomer(CareConfig config) {
        this.config = config;
    }

    Uni<ActionResult> run(String customerId, WalletAction action, Supplier<Uni<ActionResult>> sequence) {
        return Uni.createFrom().deferred(() -> run(customerId, action, sequence, System.nanoTime() + config.changeWait().toNanos()));
    }

    private Uni<ActionResult> run(String customerId, WalletAction action, Supplier<Uni<ActionResult>> sequence, long waitUntil) {
        Flight[] started = new Flight[1];
        Flight current = flights.computeIfAbsent(customerId, id -> started[0] = new Flight(action,
                sequence.get()
                        .onTermination().invoke(() -> flights.remove(id, started[0]))
                        // Shared by every joiner; a caller that goes away or stops waiting does not cancel it.
                        .memoize().indefinitely()));
        if (current.action() == action) {
            return current.result().ifNoItem().after(config.answerTimeout())
                    .failWith(() -> CareFailure.stillRunning(customerId));
        }
        long left = waitUntil - System.nanoTime();
        if (left <= 0) {
            return Uni.createFrom().failure(CareFailure.changeInProgress(customerId));
        }
        return current.result().onItemOrFailure().transform((ignored, failure) -> true)
                .ifNoItem().after(Duration.ofNanos(left)).failWith(() -> CareFailure.changeInProgress(customerId))
                .flatMap(ended -> Uni.createFrom().deferred(() -> run(customerId, action, sequence, waitUntil)));
    }
}
