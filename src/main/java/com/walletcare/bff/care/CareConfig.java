package com.walletcare.bff.care;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How changes are paced: per wallet (CARE_ANSWER_TIMEOUT, CARE_CHANGE_WAIT) and per agent (CARE_CHANGES_PER_AGENT_PER_MINUTE). */
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
}
