package com.walletcare.bff.care;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import com.walletcare.bff.customer.RequestTrace;
import com.walletcare.bff.customer.WalletAction;
import com.walletcare.bff.customer.WalletState;
import com.walletcare.bff.gateway.GatewayAuthException;
import com.walletcare.bff.gateway.GatewayRejectedException;
import com.walletcare.bff.gateway.PaydiantGateway;
import com.walletcare.bff.gateway.Wallet;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Unlock, activate and deactivate, as state machines over the gateway's two flags. Each starts from a fresh lookup,
 * so each is convergent and safe to repeat. The gateway cannot edit {@code locked}: activating an inactive wallet is
 * what clears it, so unlocking an active wallet means deactivating, then activating.
 */
@ApplicationScoped
public class WalletActivation {

    private final CustomerLookup lookup;
    private final PaydiantGateway gateway;
    private final OneFlightPerCustomer flights = new OneFlightPerCustomer();

    WalletActivation(CustomerLookup lookup, PaydiantGateway gateway) {
        this.lookup = lookup;
        this.gateway = gateway;
    }

    public Uni<ActionResult> unlock(String customerId, RequestTrace trace) {
        return flights.run(customerId, WalletAction.UNLOCK, () -> lookup.findWallet(customerId, trace)
                .flatMap(wallet -> switch (wallet.state().status()) {
                    case ACTIVE -> unchanged(ActionOutcome.ALREADY_UNLOCKED, wallet);
                    case LOCKED -> setActive(wallet, false, trace)
                            .flatMap(deactivated -> reactivate(wallet, trace));
                    case DEACTIVATED -> {
                        if (!wallet.state().locked()) {
                            throw new CustomerDeactivatedException(customerId);
                        }
                        // An unlock that stopped half-way, or a locked wallet that was also deactivated.
                        yield reactivate(wallet, trace);
                    }
                }));
    }

    public Uni<ActionResult> activate(String customerId, RequestTrace trace) {
        return flights.run(customerId, WalletAction.ACTIVATE, () -> lookup.findWallet(customerId, trace)
                .flatMap(wallet -> wallet.state().active()
                        // A LOCKED wallet is already active: clearing the lock is unlock's job.
                        ? unchanged(ActionOutcome.ALREADY_ACTIVE, wallet)
                        : setActive(wallet, true, trace)
                                .flatMap(done -> confirm(wallet, ActionOutcome.ACTIVATED, new WalletState(true, false), trace))));
    }

    public Uni<ActionResult> deactivate(String customerId, RequestTrace trace) {
        return flights.run(customerId, WalletAction.DEACTIVATE, () -> lookup.findWallet(customerId, trace)
                .flatMap(wallet -> !wallet.state().active()
                        ? unchanged(ActionOutcome.ALREADY_DEACTIVATED, wallet)
                        : setActive(wallet, false, trace)
                                .flatMap(done -> confirm(wallet, ActionOutcome.DEACTIVATED,
                                        new WalletState(false, wallet.state().locked()), trace))));
    }

    private static Uni<ActionResult> unchanged(ActionOutcome outcome, Wallet wallet) {
        return Uni.createFrom().item(new ActionResult(outcome, wallet.customer()));
    }

    /** The final activation of an unlock: from here on, a failure leaves a deactivated wallet, and says so. */
    private Uni<ActionResult> reactivate(Wallet wallet, RequestTrace trace) {
        return gateway.updateActivation(wallet.ref(), true, trace)
                .onFailure().transform(failure -> new UnlockIncompleteException(wallet.customer().id(), failure))
                .flatMap(done -> confirm(wallet, ActionOutcome.UNLOCKED, new WalletState(true, false), trace));
    }

    private Uni<Void> setActive(Wallet wallet, boolean active, RequestTrace trace) {
        return gateway.updateActivation(wallet.ref(), active, trace)
                .onFailure().transform(failure -> new WalletChangeFailedException(failure, certainlyNotApplied(failure)));
    }

    /** The gateway refused the change, or it was never sent: either way the wallet is as it was. */
    private static boolean certainlyNotApplied(Throwable failure) {
        return failure instanceof GatewayRejectedException || failure instanceof GatewayAuthException
                || failure instanceof CircuitBreakerOpenException;
    }

    /**
     * The customer as the gateway reports it after the change. The change itself succeeded, so if this confirming
     * lookup fails the answer still stands, with the status the change produced.
     */
    private Uni<ActionResult> confirm(Wallet before, ActionOutcome outcome, WalletState expected, RequestTrace trace) {
        return lookup.findWallet(before.customer().id(), trace)
                .map(Wallet::customer)
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("Confirming lookup after %s failed (%s); answering with the expected state", outcome,
                            failure.getMessage());
                    return before.customer().withState(expected);
                })
                .map(customer -> new ActionResult(outcome, customer));
    }
}
