package com.walletcare.bff.gateway;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Success carries no payload, only a status. The wrapper name is inferred from the naming rule, hence the alias. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ActivationResponse(@JsonProperty("updateCustomerActivationResponse") @JsonAlias("b2bResponse") Result result) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Result(GatewayStatus status) {
    }
}
