package com.walletcare.bff.care;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether the caller's answers verify them, by factor name only: the gateway's values are never part of it. */
@Schema(description = "The verdict on the caller's answers. The customer's stored values are never returned.")
public record VerificationResult(
        @Schema(required = true) boolean verified,
        @Schema(required = true, description = "Answers that match the customer's record") List<Factor> matched,
        @Schema(required = true, description = "Answers that do not match, or that the record has no value for") List<Factor> notMatched,
        @Schema(required = true, description = "Factors the caller was not asked") List<Factor> missing,
        @Schema(required = true, nullable = true, description = "Only when verified: what the changes that require a "
                + "verification take in their body. Valid for this customer and this agent only, until expiresAt",
                examples = "vf_1796290664.bQ3nB0y7o8YV1u2kRr7o3m0kQHnq8zZP8cH9nXqv1wE") String verificationId,
        @Schema(required = true, nullable = true, implementation = String.class, format = "date-time",
                description = "Only when verified") Instant expiresAt) {
}
