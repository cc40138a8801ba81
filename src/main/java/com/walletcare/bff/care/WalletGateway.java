package com.walletcare.bff.care;

import java.util.List;

import com.walletcare.bff.customer.RequestTrace;
import com.walletcare.bff.customer.SearchCriteria;

import io.smallrye.mutiny.Uni;

/**
 * The wallet issuer's gateway, as the use cases need it (implemented by the Paydiant adapter). Failures are
 * {@link CareFailure}s in this service's words; what a write did is decided by the adapter ({@link WalletWrite}).
 */
public interface WalletGateway {

    /** Every wallet matching {@code criteria}, in the gateway's order. */
    Uni<List<Wallet>> findWallets(SearchCriteria criteria, RequestTrace trace);

    /**
     * Sets the wallet's active flag, once, never raced: the answer comes when the exchange has ended, so its effect
     * is known, or known to be unknown. Activating an inactive wallet also clears its lock. Never fails: a failure is
     * a {@link WalletWrite} that says what it means.
     */
    Uni<WalletWrite> updateActivation(WalletRef wallet, boolean activate, RequestTrace trace);
}
