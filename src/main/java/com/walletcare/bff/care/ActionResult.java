package com.walletcare.bff.care;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.walletcare.bff.customer.ActionOutcome;
import com.walletcare.bff.customer.Customer;

/** The answer to unlock, activate and deactivate: what happened, and the customer as the gateway reports it now. */
public record ActionResult(@Schema(required = true) ActionOutcome outcome, @Schema(required = true) Customer customer) {
}
