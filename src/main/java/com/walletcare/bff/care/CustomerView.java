package com.walletcare.bff.care;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import com.walletcare.bff.customer.Address;
import com.walletcare.bff.customer.Customer;

/**
 * How much of a customer search and read show ({@code care.customer-view}). {@code minimal} keeps what tells
 * customers apart and hides the answers a caller is verified with: an agent asks, and the service compares.
 */
public enum CustomerView {
    FULL {
        @Override
        public Customer of(Customer customer) {
            return customer;
        }
    },
    /** Birthday as the year, e-mail (and an e-mail user name) as p****@yahoo.com, phone as its last 4, no street. */
    MINIMAL {
        @Override
        public Customer of(Customer customer) {
            Map<String, String> information = new HashMap<>(customer.additionalInformation());
            if (information.get("birthday") != null) {
                LocalDate birthday = Factor.date(information.get("birthday"));
                information.put("birthday", birthday == null ? null : String.valueOf(birthday.getYear()));
            }
            Address address = customer.address();
            return new Customer(customer.id(), customer.status(), customer.availableActions(), customer.firstName(),
                    customer.lastName(), maskedEmail(customer.email()), customer.emailVerified(),
                    maskedEmail(customer.username()), customer.phone() == null ? null : Factor.phoneLast4.normalise(customer.phone()),
                    address == null ? null : new Address(null, null, address.city(), address.state(), address.zip(), address.country()),
                    information, customer.issuingPartner(), customer.createdAt(), customer.lastLoginAt(),
                    customer.passwordChangedAt(), customer.devices(), customer.hold(), customer.version());
        }
    };

    public abstract Customer of(Customer customer);

    /** pauls_wallet@yahoo.com → p****@yahoo.com; a value without '@' (a user name that is not an e-mail) unchanged. */
    private static String maskedEmail(String email) {
        int at = email == null ? -1 : email.indexOf('@');
        return at < 1 ? email : email.charAt(0) + "****" + email.substring(at);
    }
}
