package com.walletcare.bff.care;

import jakarta.enterprise.context.ApplicationScoped;


import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * On every replica, a sweep for changes whose replica died half-way (their lease ran out): each is claimed by one
 * replica only, and finished by {@link WalletChanges#recover}. With the defaults, a half-done unlock is completed
 * within about 30 s of its replica's last lease renewal (15 s lease, 10 s sweep, the gateway calls).
 */
@ApplicationScoped
class ChangeRecovery {

    private final ChangeLeases journal;
    private final WalletChanges changes;
    private final CareTelemetry telemetry;

    ChangeRecovery(ChangeLeases journal, WalletChanges changes, CareTelemetry telemetry) {
        this.journal = journal;
        this.changes = changes;
        this.telemetry = telemetry;
    }

    @Scheduled(every = "${care.journal.sweep-interval}", delayed = "${care.journal.sweep-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return journal.claimAbandoned()
                .onItem().transformToMulti(leases -> Multi.createFrom().iterable(leases))
                .onItem().transformToUniAndConcatenate(lease -> {
                    Log.infof("Recovering change %s (%s of customer %s): its replica stopped renewing it", lease.id(),
                            lease.intent().action(), lease.intent().customerId());
                    return telemetry.recovery(lease.intent(), lease.id(), () -> changes.recover(lease)).onFailure().recoverWithUni(failure -> {
                        Log.warnf("Recovering change %s failed (%s); the next sweep tries again", lease.id(),
                                failure.getMessage());
                        return Uni.createFrom().nullItem();
                    });
                })
                .collect().last()
                .onFailure().invoke(failure -> Log.warnf("The recovery sweep could not read the journal (%s)",
                        failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
