package com.walletcare.bff.care;

import java.time.Duration;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.walletcare.bff.care.CareFailure.Code;
import com.walletcare.bff.care.HistoryEntry.CompletedBy;
import com.walletcare.bff.customer.ActionOutcome;
import com.walletcare.bff.customer.Hold;
import com.walletcare.bff.customer.RequestTrace;
import com.walletcare.bff.customer.WalletAction;
import com.walletcare.bff.customer.WalletState;
import com.walletcare.bff.customer.WalletStatus;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Unlock, activate and deactivate: every change this service makes to a wallet, as state machines over the gateway's
 * two flags. Each starts from a fresh lookup, so each is convergent and safe to repeat. The gateway cannot edit
 * {@code locked}: activating an inactive wallet is what clears it, so unlocking an active wallet means deactivating,
 * then activating.
 *
 * <p>The gateway's one write has no conditional form, so nothing here races it: a write is followed by the next step
 * only once its HTTP exchange has ended, and when that exchange ended without a readable answer the wallet is looked
 * up before anything else is decided. What a 2xx answer reports is therefore what the gateway holds once all of this
 * request's writes have settled.
 */
@ApplicationScoped
public class WalletChanges {

    private static final WalletState HALF_UNLOCKED = new WalletState(false, true);
    private static final Duration TAKEOVER_POLL = Duration.ofMillis(200);
    private static final Duration FINISH_RETRY_FIRST = Duration.ofMillis(500);
    private static final Duration FINISH_RETRY_MAX = Duration.ofSeconds(5);
    /** About an hour of retries; past that, recovery closes the change once the database is back. */
    private static final long FINISH_RETRIES = 720;

    private final CustomerLookup lookup;
    private final WalletGateway gateway;
    private final OneFlightPerCustomer flights;
    private final ChangeLeases leases;
    private final CareTelemetry telemetry;
    private final Duration changeWait;
    private final Duration answerTimeout;
    private final int writeAttempts;

    WalletChanges(CustomerLookup lookup, WalletGateway gateway, OneFlightPerCustomer flights, ChangeLeases leases,
            CareTelemetry telemetry, CareConfig care, @ConfigProperty(name = "paydiant.activation.max-retries") int writeRetries) {
        this.lookup = lookup;
        this.gateway = gateway;
        this.flights = flights;
        this.leases = leases;
        this.telemetry = telemetry;
        this.changeWait = care.changeWait();
        this.answerTimeout = care.answerTimeout();
        this.writeAttempts = 1 + writeRetries;
    }

    /**
     * Unlock: a LOCKED wallet is deactivated, then activated. A deactivated wallet is only re-activated to finish an
     * unlock of this service's that did not finish (the journal says so); any other deactivation was made on purpose
     * and stays, CUSTOMER_DEACTIVATED.
     */
    public Uni<ActionResult> unlock(ChangeIntent intent, RequestTrace trace) {
        return change(intent, trace, (wallet, lease) -> switch (wallet.state().status()) {
            case ACTIVE -> unchanged(ActionOutcome.ALREADY_UNLOCKED, wallet);
            case LOCKED -> write(wallet, false, lease, trace, 1)
                    .flatMap(deactivated -> reactivate(deactivated, lease, trace));
            case DEACTIVATED -> {
                if (!wallet.record().unfinishedUnlock()) {
                    throw CareFailure.deactivated(lookup.shown(wallet));
                }
                yield reactivate(wallet, lease, trace);
            }
        });
    }

    /**
     * Activate: lifts the wallet's hold. A fraud hold is lifted by a supervisor only, who says why and under which
     * ticket, on the record; nothing is sent to the gateway otherwise.
     */
    public Uni<ActionResult> activate(ChangeIntent intent, RequestTrace trace) {
        return change(intent, trace, (wallet, lease) -> {
            if (wallet.state().active()) {
                // A LOCKED wallet is already active: clearing the lock is unlock's job.
                return unchanged(ActionOutcome.ALREADY_ACTIVE, wallet);
            }
            Hold hold = wallet.record().hold();
            if (hold != null && hold.fraud()) {
                if (!intent.supervisor()) {
                    throw CareFailure.supervisorRequired(lookup.shown(wallet));
                }
                if (intent.reason() == null || intent.ticketId() == null) {
                    throw CareFailure.liftNeedsReasonAndTicket(intent);
                }
            }
            return write(wallet, true, lease, trace, 1).flatMap(done -> confirm(done, ActionOutcome.ACTIVATED, trace));
        });
    }

    /** Deactivate: places a hold with this call's reason, ticket and agent (or upgrades one to a fraud hold). */
    public Uni<ActionResult> deactivate(ChangeIntent intent, RequestTrace trace) {
        return change(intent, trace, (wallet, lease) -> !wallet.state().active()
                ? unchanged(ActionOutcome.ALREADY_DEACTIVATED, wallet)
                : write(wallet, false, lease, trace, 1).flatMap(done -> confirm(done, ActionOutcome.DEACTIVATED, trace)));
    }

    /**
     * Finishes a change whose replica died half-way (its lease ran out; this replica claimed it): an unlock that left
     * the wallet deactivated and locked is completed; anything else is recorded as the wallet shows it. Nothing is
     * started that the request had not started. A gateway that cannot be asked leaves the change for the next sweep.
     * Answers the outcome journaled.
     */
    Uni<ChangeOutcome> recover(Lease lease) {
        ChangeIntent intent = lease.intent();
        RequestTrace trace = new RequestTrace(intent.requestId() + "-recovery");
        return lookup.atGateway(intent.customerId(), trace)
                .flatMap(wallet -> intent.action() == WalletAction.UNLOCK && wallet.state().equals(HALF_UNLOCKED)
                        ? write(wallet, true, lease, trace, 1)
                        : Uni.createFrom().item(wallet))
                .flatMap(wallet -> {
                    ChangeOutcome outcome = recovered(intent.action(), wallet.state());
                    return leases.finish(lease, outcome, wallet.state().status(), CompletedBy.RECOVERY,
                            HoldEffect.of(intent.action(), outcome)).replaceWith(outcome);
                })
                .onFailure(failure -> failure instanceof CareFailure care && care.code() == Code.CUSTOMER_NOT_FOUND)
                .recoverWithUni(failure -> leases.finish(lease, ChangeOutcome.CUSTOMER_NOT_FOUND, null, CompletedBy.RECOVERY,
                        HoldEffect.NONE).replaceWith(ChangeOutcome.CUSTOMER_NOT_FOUND))
                // Not renewed any more: once it runs out, the next sweep (here or on another replica) tries again.
                .onFailure().invoke(() -> leases.abandon(lease));
    }

    private static ChangeOutcome recovered(WalletAction action, WalletState state) {
        return switch (action) {
            case UNLOCK -> state.status() == WalletStatus.ACTIVE ? ChangeOutcome.UNLOCKED : ChangeOutcome.INTERRUPTED;
            case ACTIVATE -> state.active() ? ChangeOutcome.ACTIVATED : ChangeOutcome.INTERRUPTED;
            case DEACTIVATE -> !state.active() ? ChangeOutcome.DEACTIVATED : ChangeOutcome.INTERRUPTED;
        };
    }

    /**
     * One change, journaled: one at a time per wallet in this process (joined when the same action is in flight) and
     * across replicas (the lease), the wallet looked up under the lease, its status recorded before the first write,
     * and how it ended recorded after the last. A change the same action already made on another replica while this
     * one waited is answered with that change's outcome, not made twice. A failure before any write says so.
     */
    private Uni<ActionResult> change(ChangeIntent intent, RequestTrace trace, BiFunction<Wallet, Lease, Uni<Done>> steps) {
        String customerId = intent.customerId();
        return telemetry.change(intent, () -> flights.run(customerId, intent.action(), () -> telemetry.leaseWait(leases.open(intent, changeWait)).flatMap(opened -> {
            if (opened.lease() == null) {
                return lookup.find(customerId, trace)
                        .map(customer -> new ActionResult(opened.joinedOutcome().action(), customer));
            }
            Lease lease = opened.lease();
            return lookup.findWallet(customerId, trace)
                    .onFailure(CareFailure.class).transform(failure -> unsent((CareFailure) failure))
                    .call(wallet -> leases.started(lease, wallet.state().status()))
                    .flatMap(wallet -> {
                        // Compared under the lease, with the wallet as looked up for this change: nothing slips in between.
                        if (!intent.matches(wallet.customer().version())) {
                            throw CareFailure.preconditionFailed(lookup.shown(wallet));
                        }
                        return steps.apply(wallet, lease);
                    })
                    .call(done -> end(lease, ChangeOutcome.of(done.outcome()), done.wallet().state().status()))
                    // The hold this change placed or lifted is part of the wallet it answers with.
                    .flatMap(done -> (done.wallet().state().active() ? Uni.createFrom().item(done.wallet())
                            : lookup.withRecord(done.wallet()).onFailure().recoverWithItem(done.wallet()))
                            .map(wallet -> new ActionResult(done.outcome(), lookup.shown(wallet))))
                    .onFailure().recoverWithUni(failure -> ended(lease, failure, trace));
        })));
    }

    /** How a change's steps ended: the outcome, and the wallet as the gateway holds it after them. */
    private record Done(ActionOutcome outcome, Wallet wallet) {
    }

    /** A gateway failure before any write was sent: the wallet was not changed. */
    private static CareFailure unsent(CareFailure failure) {
        return failure.code().name().startsWith("GATEWAY_") ? failure.ofChange(true) : failure;
    }

    /**
     * How a change that failed ends. A lease that passed to another replica is that replica's to finish: the answer is
     * the outcome it records. A change cut off from its journal is left open for recovery to finish from the wallet's
     * state once the journal is back (an unlock whose deactivation landed is then completed). Any other failure is the
     * change's outcome.
     */
    private Uni<ActionResult> ended(Lease lease, Throwable failure, RequestTrace trace) {
        if (failure instanceof LeaseLostException) {
            return outcomeOfTakeover(lease, trace, System.nanoTime() + answerTimeout.toNanos());
        }
        if (failure instanceof CareFailure care && care.journalAway()) {
            leases.abandon(lease);
            return Uni.createFrom().failure(failure);
        }
        WalletStatus after = failure instanceof CareFailure care ? care.customerStatus() : null;
        return end(lease, ChangeOutcome.of(failure), after).replaceWith(Uni.createFrom().failure(failure));
    }

    /**
     * The outcome that the replica which took the change over records, as this change's answer: a change that ended
     * well is answered with that outcome and the wallet as it is now; anything else, or no outcome before the answer
     * is due, is "may still be applied" (repeating the request tells how it ended).
     */
    private Uni<ActionResult> outcomeOfTakeover(Lease lease, RequestTrace trace, long deadline) {
        String customerId = lease.intent().customerId();
        return leases.outcome(lease.id()).onFailure().recoverWithNull().flatMap(outcome -> {
            if (outcome != null && outcome.action() != null) {
                return lookup.find(customerId, trace).map(customer -> new ActionResult(outcome.action(), customer));
            }
            if (outcome != null || System.nanoTime() >= deadline) {
                return Uni.createFrom().failure(CareFailure.stillRunning(customerId));
            }
            return Uni.createFrom().voidItem().onItem().delayIt().by(TAKEOVER_POLL)
                    .flatMap(ignored -> outcomeOfTakeover(lease, trace, deadline));
        });
    }

    /**
     * Records how a change ended. The answer does not wait for a journal that cannot be reached: its end is retried
     * with backoff until the database takes it (or finds that recovery on another replica has taken it over).
     */
    private Uni<Void> end(Lease lease, ChangeOutcome outcome, WalletStatus after) {
        HoldEffect hold = HoldEffect.of(lease.intent().action(), outcome);
        Uni<Boolean> finish = leases.finish(lease, outcome, after, CompletedBy.REQUEST, hold).invoke(recorded -> {
            // Counted where the wallet's flag moved: a deactivation placed a hold, an activation lifted what it had.
            if (recorded && outcome == ChangeOutcome.DEACTIVATED) {
                telemetry.holdPlaced();
            } else if (recorded && outcome == ChangeOutcome.ACTIVATED) {
                telemetry.holdLifted();
            }
        });
        return finish.replaceWithVoid().onFailure().recoverWithUni(failure -> {
            Log.warnf("Could not journal the end of change %s: retrying until the journal takes it", lease.id());
            finish.onFailure().retry().withBackOff(FINISH_RETRY_FIRST, FINISH_RETRY_MAX).atMost(FINISH_RETRIES)
                    .subscribe().with(recorded -> Log.infof("The end of change %s is journaled", lease.id()),
                            lasting -> Log.warnf("Gave up journaling the end of change %s: recovery closes it", lease.id()));
            return Uni.createFrom().voidItem();
        });
    }

    private static Uni<Done> unchanged(ActionOutcome outcome, Wallet wallet) {
        return Uni.createFrom().item(new Done(outcome, wallet));
    }

    /**
     * Sets the wallet's active flag and answers the wallet once the gateway holds that value. A write whose effect is
     * unknown is settled already (its exchange has ended), so a lookup tells whether it landed; only if it did not is
     * the same value sent again. The failure says whether the wallet certainly stayed as it was: only when the first
     * and only attempt was refused or never sent.
     */
    private Uni<Wallet> write(Wallet wallet, boolean activate, Lease lease, RequestTrace trace, int attempt) {
        return fenced(wallet, activate, lease, trace, false).flatMap(write -> switch (write.effect()) {
            case APPLIED -> Uni.createFrom().item(wallet.withState(wallet.state().afterActivation(activate)));
            case NOT_APPLIED -> Uni.createFrom().failure(write.failure().ofChange(attempt == 1));
            case UNKNOWN -> lookup.atGateway(wallet.customer().id(), trace)
                    .onFailure(CareFailure.class).transform(failure -> ((CareFailure) failure).ofChange(false))
                    .flatMap(now -> {
                        if (now.state().active() == activate) {
                            return Uni.createFrom().item(now);
                        }
                        return attempt < writeAttempts ? write(now, activate, lease, trace, attempt + 1)
                                : Uni.createFrom().failure(write.failure().ofChange(false));
                    });
        });
    }

    /**
     * One gateway write, sent only while the lease is proven this replica's: confirmed just before, and that
     * confirmation still fresh on the monotonic clock right before the request is sent. A replica paused after
     * confirming finds it stale and confirms again, which fails once another replica has taken the change over. Only
     * a pause between that last check and the request leaving the socket is not fenced: the gateway has no
     * conditional write.
     */
    private Uni<WalletWrite> fenced(Wallet wallet, boolean activate, Lease lease, RequestTrace trace, boolean again) {
        return leases.confirm(lease).flatMap(confirmed -> {
            if (leases.confirmed(lease)) {
                return gateway.updateActivation(wallet.ref(), activate, trace);
            }
            return again ? Uni.createFrom().failure(CareFailure.journalUnavailable())
                    : fenced(wallet, activate, lease, trace, true);
        });
    }

    /**
     * The final activation of an unlock. From here on the wallet is deactivated, so a failure is an incomplete unlock,
     * and the answer carries the status the gateway reports after it (an activation that landed after all is an
     * unlock that completed).
     */
    private Uni<Done> reactivate(Wallet wallet, Lease lease, RequestTrace trace) {
        String customerId = wallet.customer().id();
        return write(wallet, true, lease, trace, 1)
                .flatMap(activated -> confirm(activated, ActionOutcome.UNLOCKED, trace))
                .onFailure(CareFailure.class).recoverWithUni(failed -> {
                    CareFailure failure = (CareFailure) failed;
                    return lookup.atGateway(customerId, trace)
                            .onFailure().transform(unread -> CareFailure.unlockIncomplete(customerId, failure, null))
                            .map(now -> {
                                if (now.state().status() == WalletStatus.ACTIVE) {
                                    return new Done(ActionOutcome.UNLOCKED, now);
                                }
                                throw CareFailure.unlockIncomplete(customerId, failure, now.state().status());
                            });
                });
    }

    /**
     * The customer as the gateway reports it after the change. Every write has settled and its effect is known, so if
     * this confirming lookup fails the answer still stands, with the state the writes produced.
     */
    private Uni<Done> confirm(Wallet changed, ActionOutcome outcome, RequestTrace trace) {
        return lookup.atGateway(changed.customer().id(), trace)
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("Confirming lookup after %s failed (%s); answering with the state the change produced",
                            outcome, failure.getMessage());
                    return changed;
                })
                .map(wallet -> new Done(outcome, wallet));
    }
}
