package com.walletcare.bff.care;

import com.walletcare.bff.customer.ChangeReason;
import com.walletcare.bff.customer.WalletAction;

/** What an agent asked of a wallet, journaled before the first gateway write. No personal data: ids and codes only. */
public record ChangeIntent(String customerId, WalletAction action, String agent, ChangeReason reason, String ticketId,
        String requestId) {
}
