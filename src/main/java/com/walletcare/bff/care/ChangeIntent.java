package com.walletcare.bff.care;

import java.util.Set;

import com.walletcare.bff.customer.ChangeReason;
import com.walletcare.bff.customer.WalletAction;

/**
 * What an agent asked of a wallet, journaled before the first gateway write. No personal data: ids and codes only.
 * Two things of the request are not journaled: whether the agent is a supervisor (who alone lifts a fraud hold), and
 * the versions the agent's screen showed ({@code ifMatch}: null without If-Match, "*" for any existing wallet).
 */
public record ChangeIntent(String customerId, WalletAction action, String agent, ChangeReason reason, String ticketId,
        String requestId, boolean supervisor, Set<String> ifMatch) {

    /** An intent as the journal keeps it (a recovery finishes it): no role, no condition. */
    public ChangeIntent(String customerId, WalletAction action, String agent, ChangeReason reason, String ticketId,
            String requestId) {
        this(customerId, action, agent, reason, ticketId, requestId, false, null);
    }

    /** Whether a wallet of {@code version} is the one the agent's screen showed (always, without If-Match). */
    boolean matches(String version) {
        return ifMatch == null || ifMatch.contains("*") || ifMatch.contains(version);
    }
}
