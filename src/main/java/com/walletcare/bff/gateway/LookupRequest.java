package com.walletcare.bff.gateway;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.walletcare.bff.customer.SearchCriteria;

/** {@code retrieveCustomerLookUpInfoRequest}: the header plus the criteria, flat; absent criteria are left out. */
record LookupRequest(@JsonProperty("retrieveCustomerLookUpInfoRequest") Body body) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Body(MessageHeader messageHeader, String phone, String email, String firstName, String lastName,
            String externalId, String customerId) {
    }

    static LookupRequest of(MessageHeader header, SearchCriteria criteria) {
        return new LookupRequest(new Body(header, criteria.phone(), criteria.email(), criteria.firstName(),
                criteria.lastName(), criteria.externalId(), criteria.customerId()));
    }
}
