package com.walletcare.bff.customer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A device linked to the wallet; each has its own activation flag.")
public record Device(String id, String name, String type,
        @Schema(enumeration = { "ACTIVE", "DEACTIVATED" }, description = "null when the gateway did not say") String status) {
}
