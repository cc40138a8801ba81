package com.walletcare.bff.gateway;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/** One {@code customerLookUpInfo[]} record, every field seen in the documentation's samples; others are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
record CustomerLookUpInfo(
        String customerUri,
        String issuingPartnerUri,
        String partnerUri,
        String issuingPartnerShortName,
        String customerId,
        Boolean active,
        Boolean locked,
        String email,
        String username,
        Boolean emailVerified,
        String firstName,
        String lastName,
        String address1,
        String address2,
        String city,
        String state,
        String zip,
        String country,
        String phone,
        Long createDate,
        Long passwordChangedDate,
        Long lastLoginDate,
        List<KeyValue> additionalCustomerInformation,
        List<JsonNode> devices) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record KeyValue(String key, String value) {
    }
}
