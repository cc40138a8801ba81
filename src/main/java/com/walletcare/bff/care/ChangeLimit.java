package com.walletcare.bff.care;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;


import com.walletcare.bff.journal.HitCounter;

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

    /** Counts one change by {@code agent}; fails with {@link ChangeLimitExceededException} when it is one too many. */
    public Uni<Void> admit(String agent) {
        Instant now = Instant.now();
        Instant window = now.truncatedTo(ChronoUnit.MINUTES);
        return counter.hit("changes:" + agent, window).invoke(hits -> {
            if (hits > perMinute) {
                long secondsLeft = Duration.between(now, window.plus(1, ChronoUnit.MINUTES)).toSeconds() + 1; // rounded up
                throw new ChangeLimitExceededException(perMinute, secondsLeft);
            }
        }).replaceWithVoid();
    }
}
