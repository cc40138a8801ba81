package com.walletcare.bff.gateway;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body status of every answer. Customer Care samples carry {@code errors[]}, the sibling Mobile Transaction
 * API {@code statusDetails[]}; the entry shape is undocumented, so entries stay raw and only their codes are read.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record GatewayStatus(String statusCode, String statusDescription, List<JsonNode> errors, List<JsonNode> statusDetails) {

    boolean isSuccess() {
        return "SUCCESS".equalsIgnoreCase(statusCode);
    }

    /** The entries' codes, for logs: codes only, since descriptions may echo customer data. */
    List<String> errorCodes() {
        return Stream.concat(stream(errors), stream(statusDetails))
                .map(entry -> Stream.of("code", "statusCode", "errorCode")
                        .map(entry::path)
                        .filter(JsonNode::isValueNode)
                        .map(JsonNode::asText)
                        .findFirst().orElse("?"))
                .toList();
    }

    private static Stream<JsonNode> stream(List<JsonNode> entries) {
        return entries == null ? Stream.empty() : entries.stream().filter(Objects::nonNull);
    }
}
