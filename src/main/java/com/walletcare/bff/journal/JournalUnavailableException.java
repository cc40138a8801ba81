package com.walletcare.bff.journal;

/** The care journal (its database) cannot be reached: no change may start without it. Reads are unaffected. */
public class JournalUnavailableException extends RuntimeException {

    public JournalUnavailableException(Throwable cause) {
        super("Wallet changes are paused: the care journal cannot be reached. Searching and reading still work.", cause,
                false, false);
    }
}
