package com.walletcare.bff.customer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A wallet customer as front ends see it: no gateway URI, dates as ISO-8601 instants, empty strings as null. */
@Schema(description = "A wallet customer, fresh from the gateway.")
public record Customer(
        @Schema(description = "The gateway's customerId", examples = "vmiTxZcaSEym") String id,
        WalletStatus status,
        @Schema(description = "What an agent may do next with this wallet") List<WalletAction> availableActions,
        String firstName,
        String lastName,
        String email,
        Boolean emailVerified,
        String username,
        @Schema(description = "Digits only") String phone,
        Address address,
        @Schema(description = "Issuer-defined extras, e.g. birthday as MMDDYYYY text") Map<String, String> additionalInformation,
        @Schema(description = "The issuing partner's short name") String issuingPartner,
        Instant createdAt,
        Instant lastLoginAt,
        Instant passwordChangedAt,
        List<Device> devices) {

    /** The same customer with another wallet state, for when the gateway could not be asked again. */
    public Customer withState(WalletState state) {
        return new Customer(id, state.status(), state.availableActions(), firstName, lastName, email, emailVerified,
                username, phone, address, additionalInformation, issuingPartner, createdAt, lastLoginAt,
                passwordChangedAt, devices);
    }
}
