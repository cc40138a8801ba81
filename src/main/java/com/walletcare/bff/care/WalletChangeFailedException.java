package com.walletcare.bff.care;

/**
 * A gateway failure during activate, deactivate or an unlock's first step, with what it means for the wallet: either
 * the change certainly did not happen (the gateway refused it, or the circuit was open and nothing was sent), or it
 * cannot be known (a timeout or a dropped connection after the request left). Either way, repeating is safe.
 */
public class WalletChangeFailedException extends RuntimeException {

    private final boolean walletUnchanged;

    public WalletChangeFailedException(Throwable gatewayFailure, boolean walletUnchanged) {
        super(gatewayFailure.getMessage(), gatewayFailure, false, false);
        this.walletUnchanged = walletUnchanged;
    }

    public boolean walletUnchanged() {
        return walletUnchanged;
    }

    /** What to tell the client about the wallet, after the gateway failure's own description. */
    public String walletNote() {
        return walletUnchanged ? "The wallet was not changed."
                : "Whether the wallet changed could not be confirmed; repeating the request is safe.";
    }
}
