package com.walletcare.bff.journal;

import java.time.Duration;

import jakarta.inject.Singleton;

import com.walletcare.bff.care.HitCounter;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** The journal's timers: this replica's leases renewed, and old counter windows forgotten. */
@Singleton
class JournalUpkeep {

    private final CareJournal journal;
    private final HitCounter counter;

    JournalUpkeep(CareJournal journal, HitCounter counter) {
        this.journal = journal;
        this.counter = counter;
    }

    @Scheduled(every = "${care.journal.renew-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> renewLeases() {
        return journal.renewLeases().onFailure().invoke(failure -> Log.warnf(
                "Renewing this replica's wallet leases failed (%s); each gateway write still waits for its lease to be"
                        + " confirmed", failure.getMessage())).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** A day is far longer than any window counted (a minute, an hour). */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> forgetOldWindows() {
        return counter.forgetOlderThan(Duration.ofDays(1)).onFailure().recoverWithNull().replaceWithVoid();
    }
}
