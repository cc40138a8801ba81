package com.walletcare.bff.journal;

/**
 * What opening a change gave: the wallet, held for this change; or, when the same action was already running on
 * another replica and ended while this one waited, that change's outcome to share instead of running it twice.
 */
public record Opened(Lease lease, String joinedOutcome) {

    static Opened held(Lease lease) {
        return new Opened(lease, null);
    }

    static Opened joined(String outcome) {
        return new Opened(null, outcome);
    }
}
