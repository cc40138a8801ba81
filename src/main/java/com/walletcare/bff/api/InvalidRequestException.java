package com.walletcare.bff.api;

import java.util.List;

/** A client request this service refuses to act on; answered 400 VALIDATION_FAILED with every violation. */
public class InvalidRequestException extends RuntimeException {

    private final List<Problem.Violation> violations;

    public InvalidRequestException(List<Problem.Violation> violations) {
        super("The request is not valid.", null, false, false);
        this.violations = List.copyOf(violations);
    }

    public static InvalidRequestException of(String field, String message) {
        return new InvalidRequestException(List.of(new Problem.Violation(field, message)));
    }

    public List<Problem.Violation> violations() {
        return violations;
    }
}
