package com.walletcare.bff.care;

import com.walletcare.bff.customer.Customer;

/** The answer to unlock, activate and deactivate: what happened, and the customer as the gateway reports it now. */
public record ActionResult(ActionOutcome outcome, Customer customer) {
}
