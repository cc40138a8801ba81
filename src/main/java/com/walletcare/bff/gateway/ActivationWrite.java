package com.walletcare.bff.gateway;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * What one activation write did to the wallet, as far as anyone can know once its HTTP exchange has ended. The
 * meaning of a failure is decided here, in the adapter, once: use cases act on {@link #effect()} and hand
 * {@link #failure()} on untouched when they give up.
 */
public record ActivationWrite(Effect effect, RuntimeException failure) {

    public enum Effect {
        /** The gateway answered SUCCESS. */
        APPLIED,
        /** Certainly not applied: never sent (circuit open, connection refused) or refused by the gateway. */
        NOT_APPLIED,
        /** The exchange ended without a readable answer (timeout, reset, 5xx, garbled body): look before acting. */
        UNKNOWN
    }

    static final ActivationWrite APPLIED_WRITE = new ActivationWrite(Effect.APPLIED, null);

    static ActivationWrite failed(Throwable failure) {
        RuntimeException typed = failure instanceof CircuitBreakerOpenException open ? open : GatewayFailures.classify(failure);
        return new ActivationWrite(GatewayFailures.certainlyNotApplied(typed) ? Effect.NOT_APPLIED : Effect.UNKNOWN, typed);
    }
}
