package com.walletcare.bff.care;

import jakarta.enterprise.context.ApplicationScoped;

import com.walletcare.bff.customer.RequestTrace;
import com.walletcare.bff.customer.WalletAction;
import com.walletcare.bff.customer.WalletStatus;
import com.walletcare.bff.gateway.GatewayConfig;
import com.walletcare.bff.gateway.PaydiantGateway;
import com.walletcare.bff.gateway.Wallet;

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

    private final CustomerLookup lookup;
    private final PaydiantGateway gateway;
    private final OneFlightPerCustomer flights;
    private final int writeAttempts;

    WalletChanges(CustomerLookup lookup, PaydiantGateway gateway, OneFlightPerCustomer flights, GatewayConfig config) {
        this.lookup = lookup;
        this.gateway = gateway;
        this.flights = flights;
        this.writeAttempts = 1 + config.activation().maxRetries();
    }

    public Uni<ActionResult> unlock(String customerId, RequestTrace trace) {
        return flights.run(customerId, WalletAction.UNLOCK, () -> lookup.findWallet(customerId, trace)
                .flatMap(wallet -> switch (wallet.state().status()) {
                    case ACTIVE -> unchanged(ActionOutcome.ALREADY_UNLOCKED, wallet);
                    case LOCKED -> write(wallet, false, trace, 1)
                            .flatMap(deactivated -> reactivate(deactivated, trace));
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
                        : write(wallet, true, trace, 1).flatMap(done -> confirm(done, ActionOutcome.ACTIVATED, trace))));
    }

    public Uni<ActionResult> deactivate(String customerId, RequestTrace trace) {
        return flights.run(customerId, WalletAction.DEACTIVATE, () -> lookup.findWallet(customerId, trace)
                .flatMap(wallet -> !wallet.state().active()
                        ? unchanged(ActionOutcome.ALREADY_DEACTIVATED, wallet)
                        : write(wallet, false, trace, 1).flatMap(done -> confirm(done, ActionOutcome.DEACTIVATED, trace))));
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
    private Uni<Wallet> write(Wallet wallet, boolean activate, RequestTrace trace, int attempt) {
        return gateway.updateActivation(wallet.ref(), activate, trace).flatMap(write -> switch (write.effect()) {
            case APPLIED -> Uni.createFrom().item(wallet.withState(wallet.state().afterActivation(activate)));
            case NOT_APPLIED -> Uni.createFrom().failure(new WalletChangeFailedException(write.failure(), attempt == 1));
            case UNKNOWN -> lookup.findWallet(wallet.customer().id(), trace)
                    .onFailure().transform(failure -> new WalletChangeFailedException(failure, false))
                    .flatMap(now -> {
                        if (now.state().active() == activate) {
                            return Uni.createFrom().item(now);
                        }
                        return attempt < writeAttempts ? write(now, activate, trace, attempt + 1)
                                : Uni.createFrom().failure(new WalletChangeFailedException(write.failure(), false));
                    });
        });
    }

    /**
     * The final activation of an unlock. From here on the wallet is deactivated, so a failure is an incomplete unlock,
     * and the answer carries the status the gateway reports after it (an activation that landed after all is an
     * unlock that completed).
     */
    private Uni<ActionResult> reactivate(Wallet wallet, RequestTrace trace) {
        String customerId = wallet.customer().id();
        return write(wallet, true, trace, 1)
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
