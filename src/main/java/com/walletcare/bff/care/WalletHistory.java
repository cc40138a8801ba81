package com.walletcare.bff.care;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/** A wallet's history: the changes asked of it through this service and the verifications of its owner. */
@ApplicationScoped
public class WalletHistory {

    private final CareHistory history;

    WalletHistory(CareHistory history) {
        this.history = history;
    }

    /** Newest first, {@code limit} at a time, older than the {@code before} cursor if given. */
    public Uni<History> page(String customerId, String before, int limit) {
        return history.history(customerId, before, limit);
    }
}
