package com.walletcare.bff.customer;

import java.util.List;

/**
 * The gateway's two independent wallet flags, the simplified status model built on them, and how the gateway's one
 * write (set {@code active}) moves between them. Activating an inactive wallet is the only documented way to clear
 * {@code locked}.
 */
public record WalletState(boolean active, boolean locked) {

    public WalletStatus status() {
        if (!active) {
            return WalletStatus.DEACTIVATED;
        }
        return locked ? WalletStatus.LOCKED : WalletStatus.ACTIVE;
    }

    public List<WalletAction> availableActions() {
        if (active) {
            return locked ? List.of(WalletAction.UNLOCK, WalletAction.DEACTIVATE) : List.of(WalletAction.DEACTIVATE);
        }
        return locked ? List.of(WalletAction.UNLOCK, WalletAction.ACTIVATE) : List.of(WalletAction.ACTIVATE);
    }

    /** The state after the gateway applied {@code activate}: activating an inactive wallet clears its lock. */
    public WalletState afterActivation(boolean activate) {
        if (activate == active) {
            return this;
        }
        return activate ? new WalletState(true, false) : new WalletState(false, locked);
    }
}
