package com.walletcare.bff.journal;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * {@code care_journal_available{kind}}: 1 while the care journal answers a round trip, 0 while it does not, probed
 * every care.journal.sweep-interval (as readiness does, which stays UP either way: this is what the
 * WalletCareJournalUnavailable alert reads). The probe's statement starts no trace of its own (telemetry.Tracing).
 */
@ApplicationScoped
class JournalAvailability {

    private final CareJournal journal;
    private final AtomicInteger available = new AtomicInteger(1);

    JournalAvailability(CareJournal journal, MeterRegistry registry) {
        this.journal = journal;
        Gauge.builder("care.journal.available", available, AtomicInteger::get)
                .description("1 while the care journal answers a round trip, 0 while it does not")
                .tag("kind", journal.kind()).register(registry);
    }

    @Scheduled(every = "${care.journal.sweep-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> probe() {
        return journal.reachable().invoke(up -> available.set(up ? 1 : 0)).replaceWithVoid();
    }
}
