package com.walletcare.bff.care;

/** Too many failed verifications of one customer in the current window; the gateway was not asked. */
public class TooManyAttemptsException extends RuntimeException {

    private final long retryAfterSeconds;

    public TooManyAttemptsException(long retryAfterSeconds) {
        super("Too many failed verifications of this customer: try again in " + retryAfterSeconds + " s.", null, false,
                false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
