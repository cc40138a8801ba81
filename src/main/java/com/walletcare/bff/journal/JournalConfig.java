package com.walletcare.bff.journal;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The journal's leases (CARE_JOURNAL_LEASE_TTL, CARE_JOURNAL_SWEEP_INTERVAL). */
@ConfigMapping(prefix = "care.journal")
public interface JournalConfig {

    /**
     * How long a replica holds a wallet without renewing (it renews every third of this). A replica that died is
     * noticed this long after its last renewal; a live one writes only while its last renewal is younger than this
     * minus {@link #writeMargin()}.
     */
    @WithDefault("15s")
    Duration leaseTtl();

    /** How often a replica renews the leases it holds: a third of {@link #leaseTtl()} tolerates one failed renewal. */
    @WithDefault("5s")
    Duration renewEvery();

    /** How long before its lease ends a replica stops starting gateway writes: more than one write can take. */
    @WithDefault("5s")
    Duration writeMargin();

    /** How often each replica looks for changes whose replica died, to finish them. */
    @WithDefault("10s")
    Duration sweepInterval();

    /** How often a change waiting for another replica's change to the same wallet looks again. */
    @WithDefault("100ms")
    Duration pollInterval();
}
