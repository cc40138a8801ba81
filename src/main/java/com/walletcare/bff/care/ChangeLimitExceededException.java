package com.walletcare.bff.care;

/** An agent asked for more wallet changes this minute than {@link ChangeLimit} allows; nothing was sent to the gateway. */
public class ChangeLimitExceededException extends RuntimeException {

    private final long retryAfterSeconds;

    public ChangeLimitExceededException(long perMinute, long retryAfterSeconds) {
        super("More than " + perMinute + " wallet changes in one minute by this agent: try again in " + retryAfterSeconds
                + " s. Reads are not limited.", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
