package com.walletcare.bff.journal;

import java.time.InstantSource;
import java.util.Optional;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.walletcare.bff.care.CareHistory;
import com.walletcare.bff.care.ChangeLeases;
import com.walletcare.bff.care.HitCounter;

import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Picks the journal and the hit counter, and gives the care core its ports: PostgreSQL when a reactive datasource URL
 * is configured (QUARKUS_DATASOURCE_REACTIVE_URL), memory otherwise. The datasource is inactive without a URL, so the
 * pool is only looked up when there is one.
 */
@Startup
@Singleton
class JournalProducer {

    private final CareJournal journal;
    private final HitCounter counter;

    JournalProducer(@ConfigProperty(name = "quarkus.datasource.reactive.url") Optional<String> url, Instance<Pool> pool,
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
            counter = new MemoryHitCounter(clock);
        }
    }

    /** For the journal's own timers and health check; the core sees only its ports, below. */
    @Produces
    @Typed(CareJournal.class)
    CareJournal journal() {
        return journal;
    }

    @Produces
    ChangeLeases leases() {
        return journal;
    }

    @Produces
    CareHistory history() {
        return journal;
    }

    @Produces
    HitCounter counter() {
        return counter;
    }
}
