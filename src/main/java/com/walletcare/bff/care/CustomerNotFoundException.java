package com.walletcare.bff.care;

public class CustomerNotFoundException extends RuntimeException {

    private final String customerId;

    public CustomerNotFoundException(String customerId) {
        super("No customer with id '" + customerId + "' for this issuing partner.", null, false, false);
        this.customerId = customerId;
    }

    public String customerId() {
        return customerId;
    }
}
