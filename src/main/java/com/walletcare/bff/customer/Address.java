package com.walletcare.bff.customer;

public record Address(String line1, String line2, String city, String state, String zip, String country) {
}
