package com.walletcare.bff.care;

/**
 * A change that could not be made, with what that means for the wallet: either it certainly stayed as it was (the
 * gateway refused the one write, or it was never sent), or the change may still be applied (a write's effect is
 * unknown, or the lookup that would have told failed). Either way, repeating is safe: every change converges.
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
                : "The change may still be applied; repeating the request is safe.";
    }
}
