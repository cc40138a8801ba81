package com.walletcare.bff.customer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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

    /**
     * What an agent may do next. A deactivated wallet offers UNLOCK only to finish an unlock of this service's that
     * did not finish ({@code unfinishedUnlock}, from the journal): any other deactivation was made on purpose.
     */
    public List<WalletAction> availableActions(boolean unfinishedUnlock) {
        if (active) {
            return locked ? List.of(WalletAction.UNLOCK, WalletAction.DEACTIVATE) : List.of(WalletAction.DEACTIVATE);
        }
        return locked && unfinishedUnlock ? List.of(WalletAction.UNLOCK, WalletAction.ACTIVATE) : List.of(WalletAction.ACTIVATE);
    }

    /**
     * The version of a wallet as a screen shows it: it changes exactly when the status, the gateway's locked flag or
     * the hold changes. Opaque to clients (an entity tag); the same wallet has the same version wherever it is shown.
     */
    public String version(Hold hold) {
        return hold == null ? WITHOUT_HOLD[(active ? 2 : 0) + (locked ? 1 : 0)] : digest(hold);
    }

    /** The versions of the four states without a hold, made once: nearly every wallet a search shows has none. */
    private static final String[] WITHOUT_HOLD = {
        new WalletState(false, false).digest(null), new WalletState(false, true).digest(null),
        new WalletState(true, false).digest(null), new WalletState(true, true).digest(null) };

    private String digest(Hold hold) {
        String shown = status() + "|" + locked + (hold == null ? "" : "|" + hold.reason() + "|" + hold.ticketId() + "|"
                + hold.agent() + "|" + hold.since());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(shown.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The state after the gateway applied {@code activate}: activating an inactive wallet clears its lock. */
    public WalletState afterActivation(boolean activate) {
        if (activate == active) {
            return this;
        }
        return activate ? new WalletState(true, false) : new WalletState(false, locked);
    }
}
