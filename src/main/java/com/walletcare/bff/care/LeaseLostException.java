package com.walletcare.bff.care;

/**
 * The wallet's lease is no longer this replica's: its entry names another holder (a replica that took the change over
 * after this one stopped renewing, a paused process, a database restart) or is finished. Nothing more is written on
 * it, to the gateway or to the journal; the change's outcome is the other replica's to record.
 */
public class LeaseLostException extends RuntimeException {

    private final String changeId;

    public LeaseLostException(String changeId) {
        super("The change " + changeId + " passed to another replica", null, false, false);
        this.changeId = changeId;
    }

    public String changeId() {
        return changeId;
    }
}
