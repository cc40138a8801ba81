package com.walletcare.bff.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every problem response of the API, declared once, each as {@code #/components/responses/<name>} of the OpenAPI
 * document (built by {@link OpenApiFilter}); operations refer to them by name,
 * {@code @APIResponse(responseCode = "429", ref = ApiProblems.RATE_LIMITED)}, and those that recur are listed once
 * here ({@link #EVERY_OPERATION}, {@link #EVERY_CHANGE}, {@link #EVERY_BODY}) for the filter to add. A response names
 * the codes it can carry and has an example of each: a hand-written one where the detail says more than the code's
 * own, otherwise the problem as the service answers it where nothing more specific is known.
 */
final class ApiProblems {

    static final String UNAUTHENTICATED = "Unauthenticated";
    static final String FORBIDDEN = "Forbidden";
    static final String INVALID_ID = "InvalidId";
    static final String CUSTOMER_NOT_FOUND = "CustomerNotFound";
    static final String SEARCH_INVALID = "SearchInvalid";
    static final String VERIFICATION_INVALID = "VerificationInvalid";
    static final String CHANGE_INVALID = "ChangeInvalid";
    static final String HISTORY_INVALID = "HistoryInvalid";
    static final String PAYLOAD_TOO_LARGE = "PayloadTooLarge";
    static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
    static final String TOO_MANY_ATTEMPTS = "TooManyAttempts";
    static final String VERIFICATION_REQUIRED = "VerificationRequired";
    static final String RATE_LIMITED = "RateLimited";
    static final String CHANGE_IN_PROGRESS = "ChangeInProgress";
    static final String UNLOCK_CONFLICT = "UnlockConflict";
    static final String PRECONDITION_FAILED = "PreconditionFailed";
    static final String SUPERVISOR_REQUIRED = "SupervisorRequired";
    static final String GATEWAY_FAILED = "GatewayFailed";
    static final String UNLOCK_FAILED = "UnlockFailed";
    static final String GATEWAY_UNAVAILABLE = "GatewayUnavailable";
    static final String CHANGE_UNAVAILABLE = "ChangeUnavailable";
    static final String GATEWAY_TIMEOUT = "GatewayTimeout";
    static final String ANY_REQUEST = "AnyRequest";

    /** What every operation of the API (each takes a token, and each may call the gateway) can answer, by status. */
    static final Map<String, String> EVERY_OPERATION = byStatus("401", UNAUTHENTICATED, "403", FORBIDDEN,
            "502", GATEWAY_FAILED, "503", GATEWAY_UNAVAILABLE, "504", GATEWAY_TIMEOUT);
    /** What every change (unlock, activate, deactivate) can answer, before what every operation can. */
    static final Map<String, String> EVERY_CHANGE = byStatus("400", CHANGE_INVALID, "409", CHANGE_IN_PROGRESS,
            "412", PRECONDITION_FAILED, "428", VERIFICATION_REQUIRED, "429", RATE_LIMITED, "503", CHANGE_UNAVAILABLE);
    /** What every operation that takes a JSON body can answer about it. */
    static final Map<String, String> EVERY_BODY = byStatus("413", PAYLOAD_TOO_LARGE, "415", UNSUPPORTED_MEDIA_TYPE);

    /**
     * One declared response: its status, what it means, and its examples by name, each a JSON document or a
     * {@link ProblemCode} (then the service's own problem for that code).
     */
    record Declared(String name, int status, String description, Map<String, Object> examples) {
    }

    private static final String RATE_LIMITED_DOC = "RATE_LIMITED: this agent (the token's subject) made more than "
            + "care.changes-per-agent-per-minute (default 30) unlocks, activations and deactivations in this minute; "
            + "nothing was sent to the gateway. Retry-After says when the next minute starts. Reads are not limited.";
    private static final String INVALID_ID_DOC = "; or the id is not a customer id";

    static final List<Declared> ALL = List.of(
            declared(UNAUTHENTICATED, 401, "UNAUTHENTICATED: no token, or one that is expired, from another issuer, "
                    + "badly signed or for another audience", ProblemCode.UNAUTHENTICATED),
            declared(FORBIDDEN, 403, "FORBIDDEN: search, read and verification need care-viewer or care-agent; unlock, "
                    + "activate and deactivate need care-agent", ProblemCode.FORBIDDEN),
            declared(INVALID_ID, 400, "VALIDATION_FAILED: the id is not a customer id", "VALIDATION_FAILED", ApiExamples.INVALID_ID),
            declared(CUSTOMER_NOT_FOUND, 404, "CUSTOMER_NOT_FOUND: no customer with that id",
                    "CUSTOMER_NOT_FOUND", ApiExamples.CUSTOMER_NOT_FOUND),
            declared(SEARCH_INVALID, 400, "VALIDATION_FAILED: no criterion, a lone first or last name, a phone number "
                    + "without 7 to 15 digits, an unknown field, malformed JSON", "VALIDATION_FAILED", ApiExamples.VALIDATION_FAILED),
            declared(VERIFICATION_INVALID, 400, "VALIDATION_FAILED: no answer, a date that cannot be read, an unknown "
                    + "field, malformed JSON" + INVALID_ID_DOC,
                    "VALIDATION_FAILED", ApiExamples.INVALID_BIRTHDAY, "invalid id", ApiExamples.INVALID_ID),
            declared(CHANGE_INVALID, 400, "VALIDATION_FAILED: a reason that is not one of the listed, a malformed "
                    + "ticketId, another property" + INVALID_ID_DOC,
                    "VALIDATION_FAILED", ApiExamples.BAD_CHANGE_REQUEST, "invalid id", ApiExamples.INVALID_ID),
            declared(HISTORY_INVALID, 400, "VALIDATION_FAILED: a limit outside 1-100, or a cursor this service did not "
                    + "give" + INVALID_ID_DOC, "VALIDATION_FAILED", ApiExamples.INVALID_LIMIT, "invalid id", ApiExamples.INVALID_ID),
            declared(PAYLOAD_TOO_LARGE, 413, "PAYLOAD_TOO_LARGE: the body is over 16 KB (quarkus.http.limits.max-body-size)",
                    ProblemCode.PAYLOAD_TOO_LARGE),
            declared(UNSUPPORTED_MEDIA_TYPE, 415, "UNSUPPORTED_MEDIA_TYPE: the body is not application/json in UTF-8, "
                    + "uncompressed (for a caller without valid credentials: 401)", ProblemCode.UNSUPPORTED_MEDIA_TYPE),
            declared(TOO_MANY_ATTEMPTS, 429, "TOO_MANY_ATTEMPTS: care.verification.failures-allowed (default 5) failed "
                    + "verifications of this customer in this care.verification.failure-window (default 1 h); the "
                    + "gateway was not asked. Retry-After says when the next window starts.",
                    "TOO_MANY_ATTEMPTS", ApiExamples.TOO_MANY_ATTEMPTS),
            declared(VERIFICATION_REQUIRED, 428, "VERIFICATION_REQUIRED: this change is one of "
                    + "care.verification.required-for, and the body has no valid verificationId (missing, altered, of "
                    + "another agent or customer, or expired); nothing was sent to the gateway. Verify the caller first.",
                    "VERIFICATION_REQUIRED", ApiExamples.VERIFICATION_REQUIRED),
            declared(RATE_LIMITED, 429, RATE_LIMITED_DOC, "RATE_LIMITED", ApiExamples.RATE_LIMITED),
            declared(CHANGE_IN_PROGRESS, 409, "CHANGE_IN_PROGRESS: another change to this wallet did not end within the "
                    + "wait; Retry-After set", "CHANGE_IN_PROGRESS", ApiExamples.CHANGE_IN_PROGRESS),
            declared(UNLOCK_CONFLICT, 409, "CUSTOMER_DEACTIVATED: the wallet was deactivated (on purpose: unlock only "
                    + "finishes an unlock of this service's that did not finish); use activate. The problem carries the "
                    + "customer and its hold. CHANGE_IN_PROGRESS: another change to this wallet did not end within the "
                    + "wait; Retry-After set", "CUSTOMER_DEACTIVATED", ApiExamples.CUSTOMER_DEACTIVATED,
                    "CHANGE_IN_PROGRESS", ApiExamples.CHANGE_IN_PROGRESS),
            declared(PRECONDITION_FAILED, 412, "PRECONDITION_FAILED: If-Match names a version the wallet no longer has; "
                    + "the problem carries the customer as it is now, and nothing was sent to the gateway",
                    "PRECONDITION_FAILED", ApiExamples.PRECONDITION_FAILED),
            declared(SUPERVISOR_REQUIRED, 403, "SUPERVISOR_REQUIRED: the wallet is held for suspected fraud and the "
                    + "caller is not a care-supervisor; nothing was sent to the gateway. FORBIDDEN: the role may not "
                    + "change wallets", "SUPERVISOR_REQUIRED", ApiExamples.SUPERVISOR_REQUIRED),
            declared(GATEWAY_FAILED, 502, "GATEWAY_REJECTED (the gateway answered with a failure) or GATEWAY_AUTH_FAILED "
                    + "(it refused this service's partner credentials)", "GATEWAY_REJECTED", ApiExamples.GATEWAY_REJECTED,
                    "GATEWAY_AUTH_FAILED", ApiExamples.GATEWAY_AUTH_FAILED),
            declared(UNLOCK_FAILED, 502, "UNLOCK_INCOMPLETE: the wallet is deactivated now and re-activating it failed; "
                    + "repeating the unlock completes it. Also GATEWAY_REJECTED / GATEWAY_AUTH_FAILED, with the wallet "
                    + "unchanged.", "UNLOCK_INCOMPLETE", ApiExamples.UNLOCK_INCOMPLETE,
                    "GATEWAY_REJECTED", ApiExamples.GATEWAY_REJECTED, "GATEWAY_AUTH_FAILED", ApiExamples.GATEWAY_AUTH_FAILED),
            declared(GATEWAY_UNAVAILABLE, 503, "GATEWAY_UNAVAILABLE: gateway unreachable, failing after retries, or "
                    + "circuit open; Retry-After says when to try again", "GATEWAY_UNAVAILABLE", ApiExamples.GATEWAY_UNAVAILABLE),
            declared(CHANGE_UNAVAILABLE, 503, "GATEWAY_UNAVAILABLE (Retry-After set): before the wallet was changed, or "
                    + "when the change may still be applied, as the detail says. JOURNAL_UNAVAILABLE (Retry-After set): "
                    + "the care journal's database cannot be reached, so no change starts; reads still work",
                    "GATEWAY_UNAVAILABLE", ApiExamples.CHANGE_FAILED, "JOURNAL_UNAVAILABLE", ApiExamples.JOURNAL_UNAVAILABLE),
            declared(GATEWAY_TIMEOUT, 504, "GATEWAY_TIMEOUT: the gateway did not answer in time. On a change: its "
                    + "outcome is unknown yet (\"may still be applied\"); a change still running goes on, and repeating "
                    + "the call joins it", "GATEWAY_TIMEOUT", ApiExamples.GATEWAY_TIMEOUT,
                    "change still running", ApiExamples.CHANGE_STILL_RUNNING),
            declared(ANY_REQUEST, 0, "Any request can also meet: NOT_FOUND (404, no such path), METHOD_NOT_ALLOWED "
                    + "(405, with Allow), NOT_ACCEPTABLE (406, no JSON accepted), URI_TOO_LONG (414, over 4096 "
                    + "characters), HEADERS_TOO_LARGE (431, over 20 KB), INTERNAL_ERROR (500, a fault of this service)",
                    ProblemCode.NOT_FOUND, ProblemCode.METHOD_NOT_ALLOWED, ProblemCode.NOT_ACCEPTABLE,
                    ProblemCode.URI_TOO_LONG, ProblemCode.HEADERS_TOO_LARGE, ProblemCode.INTERNAL_ERROR));

    private ApiProblems() {
    }

    /** Status, name, status, name, … in that order. */
    private static Map<String, String> byStatus(String... statusesAndNames) {
        Map<String, String> byStatus = new LinkedHashMap<>();
        for (int i = 0; i < statusesAndNames.length; i += 2) {
            byStatus.put(statusesAndNames[i], statusesAndNames[i + 1]);
        }
        return Collections.unmodifiableMap(byStatus);
    }

    /** Generated examples, one per code, named by it. */
    private static Declared declared(String name, int status, String description, ProblemCode... codes) {
        Map<String, Object> examples = new LinkedHashMap<>();
        for (ProblemCode code : codes) {
            examples.put(code.name(), code);
        }
        return new Declared(name, status, description, examples);
    }

    /** Hand-written examples: name, JSON, name, JSON, … */
    private static Declared declared(String name, int status, String description, String... namesAndExamples) {
        Map<String, Object> examples = new LinkedHashMap<>();
        for (int i = 0; i < namesAndExamples.length; i += 2) {
            examples.put(namesAndExamples[i], namesAndExamples[i + 1]);
        }
        return new Declared(name, status, description, examples);
    }
}
