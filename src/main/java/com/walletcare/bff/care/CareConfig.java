package com.walletcare.bff.care;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long callers wait on changes to one wallet (CARE_ANSWER_TIMEOUT, CARE_CHANGE_WAIT). */
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
}
