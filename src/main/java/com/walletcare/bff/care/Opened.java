package com.walletcare.bff.care;

/**
 * What opening a change gave: the wallet, held for this change; or, when the same action was already running on
 * another replica and ended while this one waited, that change's outcome to share instead of running it twice.
 */
public record Opened(Lease lease, ChangeOutcome joinedOutcome) {

    public static Opened held(Lease lease) {
        return new Opened(lease, null);
    }

    public static Opened joined(ChangeOutcome outcome) {
        return new Opened(null, outcome);
    }
}
