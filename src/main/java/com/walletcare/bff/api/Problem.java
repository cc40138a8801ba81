package com.walletcare.bff.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.walletcare.bff.customer.Customer;
import com.walletcare.bff.customer.WalletStatus;

/** An RFC 9457 problem document, with the contract's {@code code} and {@code requestId} extensions. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json)")
public record Problem(
        @Schema(required = true, description = "A URI reference naming the code, relative to this service",
                examples = "/problems/customer-not-found") String type,
        @Schema(required = true) String title,
        @Schema(required = true, description = "The HTTP status") int status,
        @Schema(required = true, description = "What happened, for a human; never a stack trace, a gateway body or a token") String detail,
        @Schema(required = true) ProblemCode code,
        @Schema(required = true, description = "This request's X-Request-Id") String requestId,
        @Schema(description = "Only on VALIDATION_FAILED") List<Violation> violations,
        @Schema(description = "Only on UNLOCK_INCOMPLETE") String customerId,
        @Schema(description = "Only on UNLOCK_INCOMPLETE: the wallet's status now", implementation = WalletStatus.class) WalletStatus customerStatus,
        @Schema(description = "Only on CUSTOMER_DEACTIVATED and PRECONDITION_FAILED: the customer as it is now, with its "
                + "hold and version") Customer customer) {

    public static Problem of(ProblemCode code, String detail, String requestId) {
        return new Problem(code.type(), code.title(), code.status(), detail, code, requestId, null, null, null, null);
    }

    public Problem withViolations(List<Violation> violations) {
        return new Problem(type, title, status, detail, code, requestId, violations, customerId, customerStatus, customer);
    }

    public Problem withCustomer(String customerId, WalletStatus customerStatus) {
        return new Problem(type, title, status, detail, code, requestId, violations, customerId, customerStatus, customer);
    }

    public Problem withCustomer(Customer customer) {
        return new Problem(type, title, status, detail, code, requestId, violations, customerId, customerStatus, customer);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Violation(@Schema(description = "The offending field; absent when the body as a whole is at fault") String field,
            @Schema(required = true) String message) {
    }
}
