package com.walletcare.bff.care;

/**
 * What one activation write did to the wallet, as far as anyone can know once its HTTP exchange has ended. The
 * gateway adapter decides it, once: the use cases act on {@link #effect()} and hand {@link #failure()} on when they give
 * up.
 */
public record WalletWrite(Effect effect, CareFailure failure) {

    public enum Effect {
        /** The gateway answered SUCCESS. */
        APPLIED,
        /** Certainly not applied: never sent (circuit open, connection refused) or refused by the gateway. */
        NOT_APPLIED,
        /** The exchange ended without a readable answer (timeout, reset, 5xx, garbled body): look before acting. */
        UNKNOWN
    }

    public static final WalletWrite APPLIED = new WalletWrite(Effect.APPLIED, null);
}
