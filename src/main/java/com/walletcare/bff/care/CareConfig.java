package com.walletcare.bff.care;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import com.walletcare.bff.customer.WalletAction;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How changes are paced: per wallet (CARE_ANSWER_TIMEOUT, CARE_CHANGE_WAIT) and per agent
 * (CARE_CHANGES_PER_AGENT_PER_MINUTE); how callers are verified (CARE_VERIFICATION_*); how much of a customer
 * search and read show (CARE_CUSTOMER_VIEW).
 */
@ConfigMapping(prefix = "care")
public interface CareConfig {

    /**
     * The longest a change's caller waits for its outcome. A change still running then goes on until every gateway
     * exchange has settled; the caller is told it may still be applied.
     */
    @WithDefault("15s")
    Duration answerTimeout();

    /** The longest a change waits for another change to the same wallet to end before it answers CHANGE_IN_PROGRESS. */
    @WithDefault("5s")
    Duration changeWait();

    /** Unlocks, activations and deactivations one agent may ask for in a minute ({@link ChangeLimit}). */
    @WithDefault("30")
    long changesPerAgentPerMinute();

    /** {@code full}, or {@code minimal}: search and read mask birthday, e-mail, phone and street ({@link CustomerView}). */
    @WithDefault("full")
    CustomerView customerView();

    Verification verification();

    /** {@link CallerVerification}: what verifies a caller, for how long, and which changes need it. */
    interface Verification {

        /** The changes that need a verificationId in their body; none by default, so that v1 clients keep working. */
        Optional<Set<WalletAction>> requiredFor();

        /** How many of the caller's answers must match. */
        @WithDefault("2")
        int minMatches();

        /** At least one of these must be among the matches (none: any factor counts). */
        @WithDefault("birthday,zip")
        Optional<Set<Factor>> oneOf();

        /** How long a verificationId is valid. */
        @WithDefault("15m")
        Duration validFor();

        /**
         * The HMAC-SHA256 key that signs verificationIds (at least 32 characters). Every replica needs the same one;
         * unset, each instance draws its own at start, and a verification is only valid on the instance that made it.
         */
        Optional<String> secret();

        /** Failed verifications of one customer allowed per {@link #failureWindow()}; then 429 TOO_MANY_ATTEMPTS. */
        @WithDefault("5")
        long failuresAllowed();

        /** The fixed window failed verifications are counted in. */
        @WithDefault("1h")
        Duration failureWindow();
    }
}
