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
        @Schema(required = true) List<Device> devices) {

    /** The same customer with another wallet state, for when the gateway could not be asked again. */
    public Customer withState(WalletState state) {
        return new Customer(id, state.status(), state.availableActions(), firstName, lastName, email, emailVerified,
                username, phone, address, additionalInformation, issuingPartner, createdAt, lastLoginAt,
                passwordChangedAt, devices);
    }
}
