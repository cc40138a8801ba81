package com.walletcare.bff.gateway;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

@JsonIgnoreProperties(ignoreUnknown = true)
record LookupResponse(@JsonProperty("retrieveCustomerLookUpInfoResponse") Result result) {

    /** Read by {@link LookupResultDeserializer}, which keeps every record under a repeated key. */
    @JsonDeserialize(using = LookupResultDeserializer.class)
    record Result(GatewayStatus status, List<CustomerLookUpInfo> customers) {
    }
}
