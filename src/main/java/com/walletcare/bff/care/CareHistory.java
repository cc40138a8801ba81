package com.walletcare.bff.care;

import java.util.List;

import io.smallrye.mutiny.Uni;

/** What was done to each wallet through this service, as its history shows it: changes and caller verifications. */
public interface CareHistory {

    /**
     * Records a verification of the wallet's owner, finished as it is written: who asked, whether it verified, and
     * the names of the factors that matched; never the answers.
     */
    Uni<Void> verification(String customerId, String agent, String requestId, boolean verified, List<String> matched);

    /** The wallet's changes and verifications, newest first, {@code limit} at a time, older than the {@code before} cursor if given. */
    Uni<History> history(String customerId, String before, int limit);

    /**
     * Forgets every finished entry, of every wallet: the demo's reset (only where the gateway simulator runs). A change
     * still in flight keeps its entry, and so its lease.
     */
    Uni<Void> forgetFinished();
}
