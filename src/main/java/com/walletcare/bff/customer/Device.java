package com.walletcare.bff.customer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A device linked to the wallet; each has its own activation flag. Every property is always present; "
        + "what the gateway did not send is null.")
public record Device(
        @Schema(required = true, nullable = true) String id,
        @Schema(required = true, nullable = true) String name,
        @Schema(required = true, nullable = true) String type,
        @Schema(required = true, nullable = true, enumeration = { "ACTIVE", "DEACTIVATED" },
                description = "null when the gateway did not say") String status) {
}
