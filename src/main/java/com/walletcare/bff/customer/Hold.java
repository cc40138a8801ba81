package com.walletcare.bff.customer;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Why a wallet is deactivated on purpose: placed by a successful deactivate through this service, lifted by a
 * successful activate. A SUSPECTED_FRAUD hold is lifted by a supervisor only.
 */
@Schema(name = "Hold", nullable = true, description = "Who deactivated the wallet through this service, when and why"
        + " (nullable as a schema, so that the customer's nullable reference to it validates in OpenAPI 3.0)")
public record Hold(
        @Schema(required = true, nullable = true, implementation = ChangeReason.class,
                description = "The reason that deactivate gave; null when it gave none") ChangeReason reason,
        @Schema(required = true, nullable = true, description = "The ticket that deactivate gave; null when it gave none",
                examples = "FR-77") String ticketId,
        @Schema(required = true, description = "The agent who deactivated it: the access token's subject",
                examples = "agent.bob") String agent,
        @Schema(required = true, implementation = String.class, format = "date-time",
                description = "When the deactivation was journaled (the journal's clock)") Instant since) {

    /** Only a supervisor lifts it, on the record. */
    public boolean fraud() {
        return reason == ChangeReason.SUSPECTED_FRAUD;
    }

    /**
     * The hold a wallet keeps when a deactivation places {@code placed} where {@code kept} is: a fraud hold replaces a
     * hold of another reason; any other hold already there stays (nothing downgrades a fraud hold).
     */
    public static Hold kept(Hold kept, Hold placed) {
        return placed.fraud() && !kept.fraud() ? placed : kept;
    }
}
