package com.walletcare.bff.customer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Every property is always present; what the gateway left empty is null.")
public record Address(
        @Schema(required = true, nullable = true) String line1,
        @Schema(required = true, nullable = true) String line2,
        @Schema(required = true, nullable = true) String city,
        @Schema(required = true, nullable = true) String state,
        @Schema(required = true, nullable = true) String zip,
        @Schema(required = true, nullable = true) String country) {
}
