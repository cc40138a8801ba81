package com.walletcare.bff.api;

import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.walletcare.bff.customer.ChangeReason;
import com.walletcare.bff.customer.WalletAction;
import com.walletcare.bff.care.ChangeIntent;

/**
 * The optional body of unlock, activate and deactivate: why, under which ticket, and the caller's verification. An
 * empty body stays valid where no verification is required.
 */
@Schema(description = "Why the wallet is changed, for its history, and the caller's verification where the service requires "
        + "one. Optional, as is the body itself. No other property.",
        additionalProperties = Schema.False.class)
public record ChangeRequest(
        @Schema(nullable = true, implementation = ChangeReason.class, description = "Why; null or absent: not said") ChangeReason reason,
        @Schema(nullable = true, description = "The care ticket this change belongs to", maxLength = 64,
                pattern = "^[A-Za-z0-9._:-]{1,64}$", examples = "CS-1042") String ticketId,
        @Schema(nullable = true, description = "From POST /customers/{id}/verification of this customer by this agent, "
                + "before it expired; required by the changes the service lists in care.verification.required-for",
                maxLength = 128) String verificationId) {

    private static final Pattern TICKET_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** What the agent asks of the wallet, checked before anything reaches the gateway. */
    static ChangeIntent intent(ChangeRequest body, CustomerParams call, WalletAction action, String agent,
            boolean supervisor, Set<String> ifMatch) {
        String customerId = call.customerId();
        if (body != null && body.ticketId != null && !TICKET_ID.matcher(body.ticketId).matches()) {
            throw InvalidRequestException.of("ticketId", "A ticket id has 1 to 64 of A-Z a-z 0-9 . _ : -");
        }
        return new ChangeIntent(customerId, action, agent, body == null ? null : body.reason,
                body == null ? null : body.ticketId, call.trace().requestId(), supervisor, ifMatch);
    }
}
