package com.walletcare.bff.care;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.walletcare.bff.customer.WalletAction;

import io.smallrye.mutiny.Uni;

/**
 * Within one instance, at most one gateway sequence per customer at a time. A request for the action already in
 * flight joins it and shares its result (two agents, a double click, a client retry); a different action waits for it
 * to end, then runs on the state it left. Across instances the sequences stay safe because each one starts from a
 * fresh lookup and converges.
 */
final class OneFlightPerCustomer {

    private record Flight(WalletAction action, Uni<ActionResult> result) {
    }

    private final ConcurrentHashMap<String, Flight> flights = new ConcurrentHashMap<>();

    Uni<ActionResult> run(String customerId, WalletAction action, Supplier<Uni<ActionResult>> sequence) {
        return Uni.createFrom().deferred(() -> {
            Flight[] started = new Flight[1];
            Flight current = flights.computeIfAbsent(customerId, id -> started[0] = new Flight(action,
                    sequence.get()
                            .onTermination().invoke(() -> flights.remove(id, started[0]))
                            // Shared by every joiner; a client that goes away does not cancel it half-way.
                            .memoize().indefinitely()));
            if (current.action() == action) {
                return current.result();
            }
            return current.result().onItemOrFailure().transformToUni((ignored, failure) -> run(customerId, action, sequence));
        });
    }
}
