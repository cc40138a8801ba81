package com.walletcare.bff.journal;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;

/**
 * Reports the care journal on {@code /q/health/ready}: where it is kept and, for PostgreSQL, whether it answers. It
 * stays UP when the database is down: searches and reads need no database and keep working, and changes answer
 * {@code 503 JOURNAL_UNAVAILABLE} with Retry-After; marking every pod unready would stop the reads too. Alert on
 * {@code reachable=false} instead.
 */
@Readiness
@ApplicationScoped
class JournalHealthCheck implements AsyncHealthCheck {

    private final CareJournal journal;

    JournalHealthCheck(CareJournal journal) {
        this.journal = journal;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return journal.reachable().map(reachable -> HealthCheckResponse.named("care-journal").up()
                .withData("kind", journal.kind()).withData("reachable", reachable).build());
    }
}
