package com.walletcare.bff.care;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;


import io.smallrye.mutiny.Uni;

/**
 * At most {@code care.changes-per-agent-per-minute} unlocks, activations and deactivations per agent and minute, so
 * that one account (stolen, scripted or careless) cannot change wallets as fast as the gateway answers. Counted in
 * fixed one-minute windows by the {@link HitCounter}: across replicas on PostgreSQL, per instance without a database.
 */
@ApplicationScoped
public class ChangeLimit {

    private final HitCounter counter;
    private final long perMinute;

    ChangeLimit(HitCounter counter, CareConfig config) {
        this.counter = counter;
        this.perMinute = config.changesPerAgentPerMinute();
    }

    /** Counts one change by {@code agent}; fails with RATE_LIMITED when it is one too many. */
    public Uni<Void> admit(String agent) {
        return counter.hit("changes:" + agent, Duration.ofMinutes(1)).invoke(count -> {
            if (count.hits() > perMinute) {
                throw CareFailure.rateLimited(perMinute, count.left());
            }
        }).replaceWithVoid();
    }
}
