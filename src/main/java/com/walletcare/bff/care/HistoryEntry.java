package com.walletcare.bff.care;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.walletcare.bff.customer.ChangeReason;
import com.walletcare.bff.customer.WalletStatus;

/**
 * One change asked of a wallet, or one verification of its owner, as its history shows it: ids, codes and times,
 * never personal data.
 */
@Schema(name = "HistoryEntry", description = "One change asked of a wallet through this service, or one verification of a caller")
public record HistoryEntry(
        @Schema(required = true, description = "Unique id (a ULID). Entries are listed in the order the journal took them, not by id", examples = "01KBN6Z3Q8R2V5X7Y9A1C3E5G7") String id,
        @Schema(required = true, enumeration = { "UNLOCK", "ACTIVATE", "DEACTIVATE", "VERIFY" },
                description = "A WalletAction, or VERIFY: a caller verification (outcome VERIFIED or NOT_VERIFIED)") String action,
        @Schema(required = true, nullable = true, description = "The action's outcome (UNLOCKED, ALREADY_UNLOCKED, ...), the "
                + "problem code it ended with, INTERRUPTED when its replica stopped before it changed anything, or null "
                + "while it runs") String outcome,
        @Schema(required = true, description = "The agent: the access token's subject") String agent,
        @Schema(required = true, nullable = true, implementation = ChangeReason.class) ChangeReason reason,
        @Schema(required = true, nullable = true) String ticketId,
        @Schema(required = true, description = "The X-Request-Id of the call that asked for it") String requestId,
        @Schema(required = true, nullable = true, implementation = WalletStatus.class,
                description = "As looked up before the first gateway write; null if it never got that far") WalletStatus statusBefore,
        @Schema(required = true, nullable = true, implementation = WalletStatus.class,
                description = "As the gateway reported it at the end; null while it runs or when unknown") WalletStatus statusAfter,
        @Schema(required = true, nullable = true, implementation = CompletedBy.class,
                description = "REQUEST, or RECOVERY when another replica finished it; null while it runs") CompletedBy completedBy,
        @Schema(required = true, implementation = String.class, format = "date-time") Instant requestedAt,
        @Schema(required = true, nullable = true, implementation = String.class, format = "date-time") Instant finishedAt,
        @Schema(required = true, nullable = true, description = "VERIFY only: the factors whose answers matched "
                + "(birthday, zip, email, phoneLast4); never the answers") List<String> matched) {

    /** The action, and the outcomes, of a verification entry. */
    public static final String VERIFY = "VERIFY";
    public static final String VERIFIED = "VERIFIED";
    public static final String NOT_VERIFIED = "NOT_VERIFIED";

    public enum CompletedBy {
        REQUEST, RECOVERY
    }
}
