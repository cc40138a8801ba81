package com.walletcare.bff.customer;

import java.util.List;

/**
 * The gateway's two independent wallet flags, and the simplified status model built on them.
 * Activating an inactive wallet is the only documented way to clear {@code locked}.
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
}
