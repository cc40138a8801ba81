package com.walletcare.bff.gateway;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code updateCustomerActivationRequest}. {@code activate} is the string "true"/"false", as in the gateway's samples. */
record ActivationRequest(@JsonProperty("updateCustomerActivationRequest") Body body) {

    record Body(MessageHeader messageHeader, String customerUri, String issuingPartnerUri, String partnerUri,
            String activate) {
    }

    static ActivationRequest of(MessageHeader header, PaydiantWalletRef wallet, boolean activate) {
        return new ActivationRequest(new Body(header, wallet.customerUri(), wallet.issuingPartnerUri(), wallet.partnerUri(),
                Boolean.toString(activate)));
    }
}
