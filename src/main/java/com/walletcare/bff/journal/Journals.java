package com.walletcare.bff.journal;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Picks the journal and the hit counter: PostgreSQL when a reactive datasource URL is configured
 * (QUARKUS_DATASOURCE_REACTIVE_URL), memory otherwise. The datasource is inactive without a URL, so the pool is only
 * looked up when there is one. Also renews this replica's leases, and forgets old counter windows, on timers.
 */
@Startup
@ApplicationScoped
class Journals {

    private final CareJournal journal;
    private final HitCounter counter;

    Journals(@ConfigProperty(name = "quarkus.datasource.reactive.url") Optional<String> url, Instance<Pool> pool,
            JournalConfig config, @ConfigProperty(name = "hostname", defaultValue = "local") String host, InstantSource clock) {
        if (url.isPresent()) {
            PgCareJournal postgres = new PgCareJournal(pool.get(), config, host, Ticker.SYSTEM, clock);
            Log.infof("Care journal: PostgreSQL, as replica %s", postgres.replica());
            journal = postgres;
            counter = new PgHitCounter(pool.get());
        } else {
            if (LaunchMode.current() == LaunchMode.NORMAL) {
                Log.warn("Care journal: in memory (no QUARKUS_DATASOURCE_REACTIVE_URL). History ends with this process, and"
                        + " changes to one wallet are kept one at a time within it only: run one replica, or configure PostgreSQL.");
            }
            journal = new MemoryCareJournal(clock);
            counter = new HitCounter.InMemory(clock);
        }
    }

    @Produces
    CareJournal journal() {
        return journal;
    }

    @Produces
    HitCounter counter() {
        return counter;
    }

    /** A day is far longer than any window counted (a minute, an hour). */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> forgetOldWindows() {
        return counter.forgetOlderThan(Duration.ofDays(1)).onFailure().recoverWithNull().replaceWithVoid();
    }

    @Scheduled(every = "${care.journal.renew-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> renewLeases() {
        return journal.renewLeases().onFailure().invoke(failure -> Log.warnf(
                "Renewing this replica's wallet leases failed (%s); no new gateway write starts on a lease that may have run out",
                failure.getMessage())).onFailure().recoverWithNull().replaceWithVoid();
    }
}
