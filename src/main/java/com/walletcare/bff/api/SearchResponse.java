package com.walletcare.bff.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.walletcare.bff.customer.Customer;

/** Every matching profile: a phone number may belong to several. No match is {@code count: 0}. */
public record SearchResponse(@Schema(required = true) int count, @Schema(required = true) List<Customer> customers) {

    static SearchResponse of(List<Customer> customers) {
        return new SearchResponse(customers.size(), customers);
    }
}
