package com.walletcare.bff.customer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A wallet customer as front ends see it: no gateway URI, dates as ISO-8601 instants, empty strings as null. */
@Schema(description = "A wallet customer, fresh from the gateway. Every property is always present; what the gateway "
        + "left empty is null.")
public record Customer(
        @Schema(required = true, description = "The gateway's customerId", examples = "vmiTxZcaSEym") String id,
        @Schema(required = true) WalletStatus status,
        @Schema(required = true, description = "What an agent may do next with this wallet") List<WalletAction> availableActions,
        @Schema(required = true, nullable = true) String firstName,
        @Schema(required = true, nullable = true) String lastName,
        @Schema(required = true, nullable = true) String email,
        @Schema(required = true, nullable = true) Boolean emailVerified,
        @Schema(required = true, nullable = true) String username,
        @Schema(required = true, nullable = true, description = "Digits only") String phone,
        @Schema(required = true, nullable = true, description = "null when the gateway sent no address field") Address address,
        @Schema(required = true, description = "Issuer-defined extras, e.g. birthday as MMDDYYYY text; a value the "
                + "gateway left empty is null") Map<String, String> additionalInformation,
        @Schema(required = true, nullable = true, description = "The issuing partner's short name") String issuingPartner,
        @Schema(required = true, nullable = true, implementation = String.class, format = "date-time") Instant createdAt,
        @Schema(required = true, nullable = true, implementation = String.class, format = "date-time") Instant lastLoginAt,
        @Schema(required = true, nullable = true, implementation = String.class, format = "date-time") Instant passwordChangedAt,
        @Schema(required = true) List<Device> devices,
        @Schema(required = true, nullable = true, description = "Who deactivated the wallet through this service, when "
                + "and why; shown only while the wallet is deactivated, null otherwise") Hold hold,
        @Schema(required = true, description = "Changes exactly when status, the gateway's locked flag or hold changes: "
                + "sent as the ETag of GET /customers/{id} and of change answers, and taken by If-Match on changes",
                examples = "5f1c9a0e3b7d2c4a") String version) {

    /**
     * The customer as the care journal adds to what the gateway reports: the hold (shown while the wallet is
     * deactivated), the actions that follow from it, and the version of all of it.
     */
    public Customer in(WalletState state, Hold hold, boolean unfinishedUnlock) {
        Hold shown = state.active() ? null : hold;
        return new Customer(id, state.status(), state.availableActions(unfinishedUnlock), firstName, lastName, email,
                emailVerified, username, phone, address, additionalInformation, issuingPartner, createdAt, lastLoginAt,
                passwordChangedAt, devices, shown, state.version(shown));
    }
}
