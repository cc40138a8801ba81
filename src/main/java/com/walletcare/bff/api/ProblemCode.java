package com.walletcare.bff.api;

/**
 * The contract's error codes, each with its HTTP status and a short title. Every code of the care core's failures is one
 * of these, by name ({@link ProblemMapper#care}).
 */
public enum ProblemCode {
    VALIDATION_FAILED(400, "Invalid request"),
    UNAUTHENTICATED(401, "Authentication required"),
    FORBIDDEN(403, "Not allowed"),
    SUPERVISOR_REQUIRED(403, "Supervisor required"),
    CUSTOMER_NOT_FOUND(404, "Customer not found"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    CUSTOMER_DEACTIVATED(409, "Wallet is deactivated"),
    CHANGE_IN_PROGRESS(409, "Change in progress"),
    PRECONDITION_FAILED(412, "Wallet changed since it was shown"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    URI_TOO_LONG(414, "URI too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    VERIFICATION_REQUIRED(428, "Verification required"),
    RATE_LIMITED(429, "Too many changes"),
    TOO_MANY_ATTEMPTS(429, "Too many verification attempts"),
    HEADERS_TOO_LARGE(431, "Request headers too large"),
    INTERNAL_ERROR(500, "Internal error"),
    UNLOCK_INCOMPLETE(502, "Unlock incomplete"),
    GATEWAY_REJECTED(502, "Gateway rejected the call"),
    GATEWAY_AUTH_FAILED(502, "Gateway refused our credentials"),
    GATEWAY_UNAVAILABLE(503, "Gateway unavailable"),
    JOURNAL_UNAVAILABLE(503, "Changes paused"),
    GATEWAY_TIMEOUT(504, "Gateway timeout");

    private final int status;
    private final String title;

    ProblemCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** RFC 9457 {@code type}: a relative URI per code, e.g. {@code /problems/customer-not-found}. */
    public String type() {
        return "/problems/" + name().toLowerCase().replace('_', '-');
    }
}
