package com.walletcare.bff.care;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.smallrye.mutiny.Uni;

/**
 * What was done to each wallet through this service: its history (changes and caller verifications), and what follows
 * from it for the wallet now (its hold, an unlock left unfinished).
 */
public interface CareHistory {

    /**
     * Records a verification of the wallet's owner, finished as it is written: who asked, whether it verified, and
     * the names of the factors that matched; never the answers.
     */
    Uni<Void> verification(String customerId, String agent, String requestId, boolean verified, List<String> matched);

    /**
     * What the journal knows of each of these wallets ({@link CareRecord#NONE} for one it knows nothing of), in one
     * read however many there are.
     */
    Uni<Map<String, CareRecord>> records(Collection<String> customerIds);

    /** The wallet's changes and verifications, newest first, {@code limit} at a time, older than the {@code before} cursor if given. */
    Uni<History> history(String customerId, String before, int limit);

    /**
     * Forgets every finished entry and every hold, of every wallet: the demo's reset (only where the gateway simulator runs). A change
     * still in flight keeps its entry, and so its lease.
     */
    Uni<Void> forgetFinished();
}
