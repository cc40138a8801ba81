package com.walletcare.bff.api;

import java.util.List;

import com.walletcare.bff.customer.Customer;

/** Every matching profile: a phone number may belong to several. No match is {@code count: 0}. */
public record SearchResponse(int count, List<Customer> customers) {

    static SearchResponse of(List<Customer> customers) {
        return new SearchResponse(customers.size(), customers);
    }
}
