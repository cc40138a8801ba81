package com.walletcare.bff.gateway;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

@JsonIgnoreProperties(ignoreUnknown = true)
record MessageHeader(String partnerId, String messageId, String versionId, String environmentId) {
}
