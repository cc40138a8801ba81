package com.walletcare.bff.customer;

/** Normalised, validated lookup criteria: null means "not searched on"; phone is digits only. */
public record SearchCriteria(String phone, String email, String firstName, String lastName, String externalId,
        String customerId) {

    public static SearchCriteria byCustomerId(String customerId) {
        return new SearchCriteria(null, null, null, null, null, customerId);
    }
}
