package com.walletcare.bff.care;

import java.time.Duration;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;

import com.walletcare.bff.customer.ActionOutcome;
import com.walletcare.bff.customer.RequestTrace;
import com.walletcare.bff.customer.WalletAction;
import com.walletcare.bff.customer.WalletState;
import com.walletcare.bff.customer.WalletStatus;
import com.walletcare.bff.error.ProblemCode;
import com.walletcare.bff.gateway.GatewayConfig;
import com.walletcare.bff.gateway.PaydiantGateway;
import com.walletcare.bff.gateway.Wallet;
import com.walletcare.bff.journal.CareJournal;
import com.walletcare.bff.journal.ChangeIntent;
import com.walletcare.bff.journal.HistoryEntry.CompletedBy;
import com.walletcare.bff.journal.JournalUnavailableException;
import com.walletcare.bff.journal.Lease;

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
    private final Duration changeWait;
    private final int writeAttempts;

    WalletChanges(CustomerLookup lookup, PaydiantGateway gateway, OneFlightPerCustomer flights, CareJournal journal,
            CareConfig care, GatewayConfig config) {
        this.lookup = lookup;
        this.gateway = gateway;
        this.flights = flights;
        this.journal = journal;
        this.changeWait = care.changeWait();
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
                        ProblemCode.CUSTOMER_NOT_FOUND.name(), null, CompletedBy.RECOVERY));
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
                    .call(result -> finish(lease, result.outcome().name(), result.customer().status()))
                    .onFailure().call(failure -> finish(lease, ProblemCode.of(failure).name(),
                            failure instanceof UnlockIncompleteException incomplete ? incomplete.customerStatus() : null));
        }));
    }

    /** A change is over whether or not its end can be journaled: an entry left open is closed by recovery. */
    private Uni<Void> finish(Lease lease, String outcome, WalletStatus after) {
        return journal.finish(lease, outcome, after, CompletedBy.REQUEST).onFailure().recoverWithUni(failure -> {
            Log.warnf("Could not journal the end of change %s (%s): recovery will close it", lease.id(), failure.getMessage());
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
        if (!journal.held(lease)) {
            // This replica could not renew its lease: another may be finishing the change. Writing now could race it.
            return Uni.createFrom().failure(new JournalUnavailableException(null));
        }
        return gateway.updateActivation(wallet.ref(), activate, trace).flatMap(write -> switch (write.effect()) {
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
     * The final activation of an unlock. From here on the wallet is deactivated, so a failure is an incomplete unlock,
     * and the answer carries the status the gateway reports after it (an activation that landed after all is an
     * unlock that completed).
     */
    private Uni<ActionResult> reactivate(Wallet wallet, Lease lease, RequestTrace trace) {
        String customerId = wallet.customer().id();
        return write(wallet, true, lease, trace, 1)
                .flatMap(activated -> confirm(activated, ActionOutcome.UNLOCKED, trace))
                .onFailure(WalletChangeFailedException.class).recoverWithUni(failure -> lookup.findWallet(customerId, trace)
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
