package com.walletcare.bff.care;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;

import com.walletcare.bff.customer.ActionOutcome;
import com.walletcare.bff.customer.RequestTrace;
import com.walletcare.bff.customer.WalletAction;
import com.walletcare.bff.customer.WalletState;
import com.walletcare.bff.customer.WalletStatus;
import com.walletcare.bff.error.ProblemCode;
import com.walletcare.bff.gateway.ActivationWrite;
import com.walletcare.bff.gateway.GatewayConfig;
import com.walletcare.bff.gateway.PaydiantGateway;
import com.walletcare.bff.gateway.Wallet;
import com.walletcare.bff.journal.CareJournal;
import com.walletcare.bff.journal.ChangeIntent;
import com.walletcare.bff.journal.HistoryEntry.CompletedBy;
import com.walletcare.bff.journal.JournalUnavailableException;
import com.walletcare.bff.journal.Lease;
import com.walletcare.bff.journal.LeaseLostException;

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

    private final CustomerLookup lookup;
    private final PaydiantGateway gateway;
    private final OneFlightPerCustomer flights;
    private final CareJournal journal;
    private static final Duration TAKEOVER_POLL = Duration.ofMillis(200);
    private static final Duration FINISH_RETRY_FIRST = Duration.ofMillis(500);
    private static final Duration FINISH_RETRY_MAX = Duration.ofSeconds(5);
    /** About an hour of retries; past that, recovery closes the change once the database is back. */
    private static final long FINISH_RETRIES = 720;

    private final Duration changeWait;
    private final Duration answerTimeout;
    private final int writeAttempts;

    WalletChanges(CustomerLookup lookup, PaydiantGateway gateway, OneFlightPerCustomer flights, CareJournal journal,
            CareConfig care, GatewayConfig config) {
        this.lookup = lookup;
        this.gateway = gateway;
        this.flights = flights;
        this.journal = journal;
        this.changeWait = care.changeWait();
        this.answerTimeout = care.answerTimeout();
        this.writeAttempts = 1 + config.activation().maxRetries();
    }

    public Uni<ActionResult> unlock(ChangeIntent intent, RequestTrace trace) {
        return change(intent, trace, (wallet, lease) -> switch (wallet.state().status()) {
            case ACTIVE -> unchanged(ActionOutcome.ALREADY_UNLOCKED, wallet);
            case LOCKED -> write(wallet, false, lease, trace, 1)
                    .flatMap(deactivated -> reactivate(deactivated, lease, trace));
            case DEACTIVATED -> {
                if (!wallet.state().locked()) {
                    throw new CustomerDeactivatedException(intent.customerId());
                }
                // An unlock that stopped half-way, or a locked wallet that was also deactivated.
                yield reactivate(wallet, lease, trace);
            }
        });
    }

    public Uni<ActionResult> activate(ChangeIntent intent, RequestTrace trace) {
        return change(intent, trace, (wallet, lease) -> wallet.state().active()
                // A LOCKED wallet is already active: clearing the lock is unlock's job.
                ? unchanged(ActionOutcome.ALREADY_ACTIVE, wallet)
                : write(wallet, true, lease, trace, 1).flatMap(done -> confirm(done, ActionOutcome.ACTIVATED, trace)));
    }

    public Uni<ActionResult> deactivate(ChangeIntent intent, RequestTrace trace) {
        return change(intent, trace, (wallet, lease) -> !wallet.state().active()
                ? unchanged(ActionOutcome.ALREADY_DEACTIVATED, wallet)
                : write(wallet, false, lease, trace, 1).flatMap(done -> confirm(done, ActionOutcome.DEACTIVATED, trace)));
    }

    /**
     * Finishes a change whose replica died half-way (its lease ran out; this replica claimed it): an unlock that left
     * the wallet deactivated and locked is completed; anything else is recorded as the wallet shows it. Nothing is
     * started that the request had not started. A gateway that cannot be asked leaves the change for the next sweep.
     */
    Uni<Void> recover(Lease lease) {
        ChangeIntent intent = lease.intent();
        RequestTrace trace = new RequestTrace(intent.requestId() + "-recovery");
        return lookup.findWallet(intent.customerId(), trace)
                .flatMap(wallet -> intent.action() == WalletAction.UNLOCK && wallet.state().equals(HALF_UNLOCKED)
                        ? write(wallet, true, lease, trace, 1)
                        : Uni.createFrom().item(wallet))
                .flatMap(wallet -> journal.finish(lease, recoveredOutcome(intent.action(), wallet.state()),
                        wallet.state().status(), CompletedBy.RECOVERY))
                .onFailure(CustomerNotFoundException.class).recoverWithUni(failure -> journal.finish(lease,
                        ProblemCode.CUSTOMER_NOT_FOUND.name(), null, CompletedBy.RECOVERY))
                // Not renewed any more: once it runs out, the next sweep (here or on another replica) tries again.
                .onFailure().invoke(() -> journal.abandon(lease))
                .replaceWithVoid();
    }

    private static String recoveredOutcome(WalletAction action, WalletState state) {
        boolean done = switch (action) {
            case UNLOCK -> state.status() == WalletStatus.ACTIVE;
            case ACTIVATE -> state.active();
            case DEACTIVATE -> !state.active();
        };
        if (!done) {
            return "INTERRUPTED";
        }
        return switch (action) {
            case UNLOCK -> ActionOutcome.UNLOCKED.name();
            case ACTIVATE -> ActionOutcome.ACTIVATED.name();
            case DEACTIVATE -> ActionOutcome.DEACTIVATED.name();
        };
    }

    /**
     * One change, journaled: one at a time per wallet in this process (joined when the same action is in flight) and
     * across replicas (the journal's lease), the wallet looked up under the lease, its status recorded before the
     * first write, and how it ended recorded after the last. A change the same action already made on another
     * replica while this one waited is answered with that change's outcome, not made twice.
     */
    private Uni<ActionResult> change(ChangeIntent intent, RequestTrace trace,
            BiFunction<Wallet, Lease, Uni<ActionResult>> steps) {
        String customerId = intent.customerId();
        return flights.run(customerId, intent.action(), () -> journal.open(intent, changeWait).flatMap(opened -> {
            if (opened.lease() == null) {
                return lookup.find(customerId, trace)
                        .map(customer -> new ActionResult(ActionOutcome.valueOf(opened.joinedOutcome()), customer));
            }
            Lease lease = opened.lease();
            return lookup.findWallet(customerId, trace)
                    .call(wallet -> journal.started(lease, wallet.state().status()))
                    .flatMap(wallet -> steps.apply(wallet, lease))
                    .call(result -> end(lease, result.outcome().name(), result.customer().status()))
                    .onFailure().recoverWithUni(failure -> ended(lease, failure, trace));
        }));
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
        if (failure instanceof JournalUnavailableException || failure.getCause() instanceof JournalUnavailableException) {
            journal.abandon(lease);
            return Uni.createFrom().failure(failure);
        }
        return end(lease, ProblemCode.of(failure).name(),
                failure instanceof UnlockIncompleteException incomplete ? incomplete.customerStatus() : null)
                .replaceWith(Uni.createFrom().failure(failure));
    }

    /**
     * The outcome that the replica which took the change over records, as this change's answer: a change that ended
     * well is answered with that outcome and the wallet as it is now; anything else, or no outcome before the answer
     * is due, is "may still be applied" (repeating the request tells how it ended).
     */
    private Uni<ActionResult> outcomeOfTakeover(Lease lease, RequestTrace trace, long deadline) {
        String customerId = lease.intent().customerId();
        return journal.outcome(lease.id()).onFailure().recoverWithNull().flatMap(outcome -> {
            if (outcome != null && Arrays.stream(ActionOutcome.values()).anyMatch(value -> value.name().equals(outcome))) {
                return lookup.find(customerId, trace).map(customer -> new ActionResult(ActionOutcome.valueOf(outcome), customer));
            }
            if (outcome != null || System.nanoTime() >= deadline) {
                return Uni.createFrom().failure(new ChangeStillRunningException(customerId));
            }
            return Uni.createFrom().voidItem().onItem().delayIt().by(TAKEOVER_POLL)
                    .flatMap(ignored -> outcomeOfTakeover(lease, trace, deadline));
        });
    }

    /**
     * Records how a change ended. The answer does not wait for a journal that cannot be reached: its end is retried
     * with backoff until the database takes it (or finds that recovery on another replica has taken it over).
     */
    private Uni<Void> end(Lease lease, String outcome, WalletStatus after) {
        Uni<Boolean> finish = journal.finish(lease, outcome, after, CompletedBy.REQUEST);
        return finish.replaceWithVoid().onFailure().recoverWithUni(failure -> {
            Log.warnf("Could not journal the end of change %s (%s): retrying until the journal takes it", lease.id(),
                    failure.getMessage());
            finish.onFailure().retry().withBackOff(FINISH_RETRY_FIRST, FINISH_RETRY_MAX).atMost(FINISH_RETRIES)
                    .subscribe().with(recorded -> Log.infof("The end of change %s is journaled", lease.id()),
                            lasting -> Log.warnf("Gave up journaling the end of change %s (%s): recovery closes it",
                                    lease.id(), lasting.getMessage()));
            return Uni.createFrom().voidItem();
        });
    }

    private static Uni<ActionResult> unchanged(ActionOutcome outcome, Wallet wallet) {
        return Uni.createFrom().item(new ActionResult(outcome, wallet.customer()));
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
            case NOT_APPLIED -> Uni.createFrom().failure(new WalletChangeFailedException(write.failure(), attempt == 1));
            case UNKNOWN -> lookup.findWallet(wallet.customer().id(), trace)
                    .onFailure().transform(failure -> new WalletChangeFailedException(failure, false))
                    .flatMap(now -> {
                        if (now.state().active() == activate) {
                            return Uni.createFrom().item(now);
                        }
                        return attempt < writeAttempts ? write(now, activate, lease, trace, attempt + 1)
                                : Uni.createFrom().failure(new WalletChangeFailedException(write.failure(), false));
                    });
        });
    }

    /**
     * One gateway write, sent only while the lease is proven this replica's: confirmed in the database just before,
     * and that confirmation still fresh on the monotonic clock right before the request is sent. A replica paused
     * after confirming finds it stale and confirms again, which fails once another replica has taken the change
     * over. Only a pause between that last check and the request leaving the socket is not fenced: the gateway has
     * no conditional write.
     */
    private Uni<ActivationWrite> fenced(Wallet wallet, boolean activate, Lease lease, RequestTrace trace, boolean again) {
        return journal.confirm(lease).flatMap(confirmed -> {
            if (journal.confirmed(lease)) {
                return gateway.updateActivation(wallet.ref(), activate, trace);
            }
            return again ? Uni.createFrom().failure(new JournalUnavailableException(null))
                    : fenced(wallet, activate, lease, trace, true);
        });
    }

    /**
     * The final activation of an unlock. From here on the wallet is deactivated, so a failure is an incomplete unlock,
     * and the answer carries the status the gateway reports after it (an activation that landed after all is an
     * unlock that completed).
     */
    private Uni<ActionResult> reactivate(Wallet wallet, Lease lease, RequestTrace trace) {
        String customerId = wallet.customer().id();
        return write(wallet, true, lease, trace, 1)
                .flatMap(activated -> confirm(activated, ActionOutcome.UNLOCKED, trace))
                .onFailure(failure -> failure instanceof WalletChangeFailedException
                        || failure instanceof JournalUnavailableException)
                .recoverWithUni(failure -> lookup.findWallet(customerId, trace)
                        .onFailure().transform(unread -> new UnlockIncompleteException(customerId, failure, null))
                        .map(now -> {
                            if (now.state().status() == WalletStatus.ACTIVE) {
                                return new ActionResult(ActionOutcome.UNLOCKED, now.customer());
                            }
                            throw new UnlockIncompleteException(customerId, failure, now.state().status());
                        }));
    }

    /**
     * The customer as the gateway reports it after the change. Every write has settled and its effect is known, so if
     * this confirming lookup fails the answer still stands, with the state the writes produced.
     */
    private Uni<ActionResult> confirm(Wallet changed, ActionOutcome outcome, RequestTrace trace) {
        return lookup.findWallet(changed.customer().id(), trace)
                .map(Wallet::customer)
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("Confirming lookup after %s failed (%s); answering with the state the change produced",
                            outcome, failure.getMessage());
                    return changed.customer();
                })
                .map(customer -> new ActionResult(outcome, customer));
    }
}
