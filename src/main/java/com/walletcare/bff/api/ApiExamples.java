package com.walletcare.bff.api;

/** OpenAPI examples, built from the seed use case's customers (Olivia and locked Paul share a phone). */
final class ApiExamples {

    private ApiExamples() {
    }

    static final String SEARCH_BY_PHONE = """
            { "phone": "(999) 123-4444" }""";

    static final String SEARCH_BY_NAME = """
            { "firstName": "Paul", "lastName": "Casey" }""";

    static final String OLIVIA = """
            { "id": "latYxDdNJhzm", "status": "ACTIVE", "availableActions": ["DEACTIVATE"],
              "firstName": "Olivia", "lastName": "Smith", "email": "olivia_wallet_user@hotmail.com",
              "emailVerified": true, "username": "olivia_wallet_user@hotmail.com", "phone": "9991234444",
              "address": { "line1": "2750 Grove St", "line2": "Apt 2", "city": "Newton", "state": "MA",
                           "zip": "02246", "country": "USA" },
              "additionalInformation": { "birthday": "08281970" }, "issuingPartner": "certnew",
              "createdAt": "2017-04-24T21:31:01.632Z", "lastLoginAt": null,
              "passwordChangedAt": "2017-04-24T21:31:01.703Z", "devices": [] }""";

    private static final String PAUL_DETAILS = """
            "firstName": "Paul", "lastName": "Casey", "email": "pauls_wallet@yahoo.com",
              "emailVerified": true, "username": "pauls_wallet@yahoo.com", "phone": "9991234444",
              "address": { "line1": "445 Graceland Drive", "line2": null, "city": "Laguna Beach", "state": "CA",
                           "zip": "92651", "country": "USA" },
              "additionalInformation": { "birthday": "07101969" }, "issuingPartner": "certnew",
              "createdAt": "2016-02-06T20:56:50.632Z", "lastLoginAt": null,
              "passwordChangedAt": "2016-02-06T20:56:50.632Z", "devices": [],""";

    static final String PAUL_LOCKED = """
            { "id": "vmiTxZcaSEym", "status": "LOCKED", "availableActions": ["UNLOCK", "DEACTIVATE"],
            """ + PAUL_DETAILS + """
             "hold": null, "version": "9b0f3e1c2a7d5e46" }""";

    static final String PAUL_ACTIVE = """
            { "id": "vmiTxZcaSEym", "status": "ACTIVE", "availableActions": ["DEACTIVATE"],
            """ + PAUL_DETAILS + """
             "hold": null, "version": "3c8e5a0d1f6b2947" }""";

    static final String PAUL_DEACTIVATED = """
            { "id": "vmiTxZcaSEym", "status": "DEACTIVATED", "availableActions": ["ACTIVATE"],
            """ + PAUL_DETAILS + """
             "hold": { "reason": "SUSPECTED_FRAUD", "ticketId": "FR-77", "agent": "agent.bob",
                       "since": "2026-12-05T10:12:44.120Z" }, "version": "5f1c9a0e3b7d2c4a" }""";

    static final String SEARCH_RESULT = "{ \"count\": 2, \"customers\": [" + OLIVIA + ", " + PAUL_LOCKED + "] }";

    static final String NO_MATCH = """
            { "count": 0, "customers": [] }""";

    static final String VALIDATION_FAILED = """
            { "type": "/problems/validation-failed", "title": "Invalid request", "status": 400,
              "detail": "The request is not valid: see violations.", "code": "VALIDATION_FAILED",
              "requestId": "3f2c9a1e-8d4b-4f7a-9c2e-1b5d6e7f8a90",
              "violations": [ { "field": "lastName", "message": "firstName and lastName are searched together: give both." } ] }""";

    static final String INVALID_BIRTHDAY = """
            { "type": "/problems/validation-failed", "title": "Invalid request", "status": 400,
              "detail": "The request is not valid: see violations.", "code": "VALIDATION_FAILED",
              "requestId": "3f2c9a1e-8d4b-4f7a-9c2e-1b5d6e7f8a90",
              "violations": [ { "field": "birthday", "message": "Not a full date: say it as 07/10/1969, 1969-07-10 or July 10 1969." } ] }""";

    static final String INVALID_LIMIT = """
            { "type": "/problems/validation-failed", "title": "Invalid request", "status": 400,
              "detail": "The request is not valid: see violations.", "code": "VALIDATION_FAILED",
              "requestId": "3f2c9a1e-8d4b-4f7a-9c2e-1b5d6e7f8a90",
              "violations": [ { "field": "limit", "message": "A page has 1 to 100 entries." } ] }""";

    static final String INVALID_ID = """
            { "type": "/problems/validation-failed", "title": "Invalid request", "status": 400,
              "detail": "The request is not valid: see violations.", "code": "VALIDATION_FAILED",
              "requestId": "3f2c9a1e-8d4b-4f7a-9c2e-1b5d6e7f8a90",
              "violations": [ { "field": "id", "message": "A customer id has 1 to 64 letters, digits, '-' or '_'." } ] }""";

    static final String CUSTOMER_NOT_FOUND = """
            { "type": "/problems/customer-not-found", "title": "Customer not found", "status": 404,
              "detail": "No customer with id 'abc' for this issuing partner.", "code": "CUSTOMER_NOT_FOUND",
              "requestId": "3f2c9a1e-8d4b-4f7a-9c2e-1b5d6e7f8a90" }""";

    static final String GATEWAY_REJECTED = """
            { "type": "/problems/gateway-rejected", "title": "Gateway rejected the call", "status": 502,
              "detail": "The Paydiant gateway refused the lookup call (status FAILED).", "code": "GATEWAY_REJECTED",
              "requestId": "3f2c9a1e-8d4b-4f7a-9c2e-1b5d6e7f8a90" }""";

    static final String GATEWAY_AUTH_FAILED = """
            { "type": "/problems/gateway-auth-failed", "title": "Gateway refused our credentials", "status": 502,
              "detail": "The Paydiant gateway refused this service's partner credentials.", "code": "GATEWAY_AUTH_FAILED",
              "requestId": "3f2c9a1e-8d4b-4f7a-9c2e-1b5d6e7f8a90" }""";

    static final String GATEWAY_UNAVAILABLE = """
            { "type": "/problems/gateway-unavailable", "title": "Gateway unavailable", "status": 503,
              "detail": "The Paydiant gateway is failing; calls to it are paused. Try again later.",
              "code": "GATEWAY_UNAVAILABLE", "requestId": "3f2c9a1e-8d4b-4f7a-9c2e-1b5d6e7f8a90" }""";

    static final String GATEWAY_TIMEOUT = """
            { "type": "/problems/gateway-timeout", "title": "Gateway timeout", "status": 504,
              "detail": "The Paydiant gateway did not answer in time.", "code": "GATEWAY_TIMEOUT",
              "requestId": "3f2c9a1e-8d4b-4f7a-9c2e-1b5d6e7f8a90" }""";

    static final String UNLOCKED = "{ \"outcome\": \"UNLOCKED\", \"customer\": " + PAUL_ACTIVE + " }";
    static final String ALREADY_UNLOCKED = "{ \"outcome\": \"ALREADY_UNLOCKED\", \"customer\": " + PAUL_ACTIVE + " }";
    static final String ACTIVATED = "{ \"outcome\": \"ACTIVATED\", \"customer\": " + PAUL_ACTIVE + " }";
    static final String ALREADY_ACTIVE = "{ \"outcome\": \"ALREADY_ACTIVE\", \"customer\": " + PAUL_LOCKED + " }";
    static final String DEACTIVATED = "{ \"outcome\": \"DEACTIVATED\", \"customer\": " + PAUL_DEACTIVATED + " }";
    static final String ALREADY_DEACTIVATED = "{ \"outcome\": \"ALREADY_DEACTIVATED\", \"customer\": " + PAUL_DEACTIVATED + " }";

    static final String RATE_LIMITED = """
            { "type": "/problems/rate-limited", "title": "Too many changes", "status": 429,
              "detail": "More than 30 wallet changes in one minute by this agent: try again in 17 s. Reads are not limited.",
              "code": "RATE_LIMITED", "requestId": "3f2c9a1e-8d4b-4f7a-9c2e-1b5d6e7f8a90" }""";

    static final String CUSTOMER_DEACTIVATED = """
            { "type": "/problems/customer-deactivated", "title": "Wallet is deactivated", "status": 409,
              "detail": "The wallet of customer 'vmiTxZcaSEym' was deactivated by agent.bob (SUSPECTED_FRAUD), and unlock does not re-activate a deactivated wallet: use activate.",
              "code": "CUSTOMER_DEACTIVATED", "requestId": "3f2c9a1e-8d4b-4f7a-9c2e-1b5d6e7f8a90",
              "customer": """ + PAUL_DEACTIVATED + " }";

    static final String PRECONDITION_FAILED = """
            { "type": "/problems/precondition-failed", "title": "Wallet changed since it was shown", "status": 412,
              "detail": "The wallet of customer 'vmiTxZcaSEym' has changed since the screen showed it (If-Match): it is DEACTIVATED now, version 5f1c9a0e3b7d2c4a. Nothing was sent to the gateway.",
              "code": "PRECONDITION_FAILED", "requestId": "3f2c9a1e-8d4b-4f7a-9c2e-1b5d6e7f8a90",
              "customer": """ + PAUL_DEACTIVATED + " }";

    static final String SUPERVISOR_REQUIRED = """
            { "type": "/problems/supervisor-required", "title": "Supervisor required", "status": 403,
              "detail": "The wallet of customer 'vmiTxZcaSEym' is held for suspected fraud: only a supervisor (care-supervisor) may activate it. Nothing was sent to the gateway.",
              "code": "SUPERVISOR_REQUIRED", "requestId": "3f2c9a1e-8d4b-4f7a-9c2e-1b5d6e7f8a90" }""";

    static final String LIFT_NEEDS_REASON = """
            { "type": "/problems/validation-failed", "title": "Invalid request", "status": 400,
              "detail": "Lifting a fraud hold needs a reason and a ticketId in the body, for the record. Nothing was sent to the gateway.",
              "code": "VALIDATION_FAILED", "requestId": "3f2c9a1e-8d4b-4f7a-9c2e-1b5d6e7f8a90",
              "violations": [ { "field": "ticketId", "message": "Required to lift a fraud hold." } ] }""";

    static final String UNLOCK_INCOMPLETE = """
            { "type": "/problems/unlock-incomplete", "title": "Unlock incomplete", "status": 502,
              "detail": "The unlock of customer 'vmiTxZcaSEym' stopped after the wallet was deactivated, and it is DEACTIVATED now: re-activating it at the gateway did not succeed (that activation may still be applied). Repeat the unlock to complete it.",
              "code": "UNLOCK_INCOMPLETE", "requestId": "3f2c9a1e-8d4b-4f7a-9c2e-1b5d6e7f8a90",
              "customerId": "vmiTxZcaSEym", "customerStatus": "DEACTIVATED" }""";

    static final String CHANGE_FAILED = """
            { "type": "/problems/gateway-unavailable", "title": "Gateway unavailable", "status": 503,
              "detail": "The Paydiant gateway answered HTTP 503. Try again shortly. The change may still be applied; repeating the request is safe.",
              "code": "GATEWAY_UNAVAILABLE", "requestId": "3f2c9a1e-8d4b-4f7a-9c2e-1b5d6e7f8a90" }""";

    static final String CHANGE_IN_PROGRESS = """
            { "type": "/problems/change-in-progress", "title": "Change in progress", "status": 409,
              "detail": "Another change to the wallet of customer 'vmiTxZcaSEym' is still in progress. Try again shortly: the wallet's history shows how it ended.",
              "code": "CHANGE_IN_PROGRESS", "requestId": "3f2c9a1e-8d4b-4f7a-9c2e-1b5d6e7f8a90" }""";

    static final String CHANGE_STILL_RUNNING = """
            { "type": "/problems/gateway-timeout", "title": "Gateway timeout", "status": 504,
              "detail": "The gateway is slow: the change to the wallet of customer 'vmiTxZcaSEym' is still running and may still be applied. Repeat the request to get its outcome.",
              "code": "GATEWAY_TIMEOUT", "requestId": "3f2c9a1e-8d4b-4f7a-9c2e-1b5d6e7f8a90" }""";

    static final String VERIFY_BIRTHDAY_AND_ZIP = """
            { "birthday": "07/10/1969", "zip": "92651" }""";

    static final String VERIFY_SPOKEN = """
            { "birthday": "July 10th, 1969", "email": "Pauls_Wallet@Yahoo.com", "phoneLast4": "4444" }""";

    static final String VERIFIED = """
            { "verified": true, "matched": ["birthday", "zip"], "notMatched": [], "missing": ["email", "phoneLast4"],
              "verificationId": "vf_1796290664.bQ3nB0y7o8YV1u2kRr7o3m0kQHnq8zZP8cH9nXqv1wE",
              "expiresAt": "2026-12-03T09:37:44Z" }""";

    static final String NOT_VERIFIED = """
            { "verified": false, "matched": ["zip"], "notMatched": ["birthday"], "missing": ["email", "phoneLast4"],
              "verificationId": null, "expiresAt": null }""";

    static final String TOO_MANY_ATTEMPTS = """
            { "type": "/problems/too-many-attempts", "title": "Too many verification attempts", "status": 429,
              "detail": "Too many failed verifications of this customer: try again in 1312 s.",
              "code": "TOO_MANY_ATTEMPTS", "requestId": "3f2c9a1e-8d4b-4f7a-9c2e-1b5d6e7f8a90" }""";
    static final String HISTORY = """
            { "customerId": "vmiTxZcaSEym",
              "actions": [ { "id": "01KBN6Z3Q8R2V5X7Y9A1C3E5G7", "action": "UNLOCK", "outcome": "UNLOCKED", "agent": "agent.alice",
                             "reason": "FAILED_LOGINS", "ticketId": "CS-1042", "requestId": "3f2c9a1e-8d4b-4f7a-9c2e-1b5d6e7f8a90",
                             "statusBefore": "LOCKED", "statusAfter": "ACTIVE", "completedBy": "REQUEST",
                             "requestedAt": "2026-12-03T09:12:44.120Z", "finishedAt": "2026-12-03T09:12:44.410Z",
                             "matched": null },
                           { "id": "01KBN6XW2D4F6H8J0K2M4P6R8T", "action": "VERIFY", "outcome": "VERIFIED", "agent": "agent.alice",
                             "reason": null, "ticketId": null, "requestId": "7b1e0c52-3a9d-4e6f-8b2c-5d4a3f2e1c0b",
                             "statusBefore": null, "statusAfter": null, "completedBy": "REQUEST",
                             "requestedAt": "2026-12-03T09:11:58.031Z", "finishedAt": "2026-12-03T09:11:58.031Z",
                             "matched": ["birthday", "zip"] } ],
              "next": null }""";

    static final String CHANGE_REQUEST = """
            { "reason": "FAILED_LOGINS", "ticketId": "CS-1042" }""";

    /** Not prefilled (the first example is): a verificationId is only good for the customer and agent it verified. */
    static final String VERIFIED_CHANGE_REQUEST = """
            { "verificationId": "<the verificationId POST /customers/{id}/verification answered>",
              "reason": "FAILED_LOGINS", "ticketId": "CS-1042" }""";

    static final String BAD_CHANGE_REQUEST = """
            { "type": "/problems/validation-failed", "title": "Invalid request", "status": 400,
              "detail": "The request is not valid: see violations.", "code": "VALIDATION_FAILED",
              "requestId": "3f2c9a1e-8d4b-4f7a-9c2e-1b5d6e7f8a90",
              "violations": [ { "field": "ticketId", "message": "A ticket id has 1 to 64 of A-Z a-z 0-9 . _ : -" } ] }""";

    static final String JOURNAL_UNAVAILABLE = """
            { "type": "/problems/journal-unavailable", "title": "Changes paused", "status": 503,
              "detail": "Wallet changes are paused: the care journal cannot be reached. Searching and reading still work.",
              "code": "JOURNAL_UNAVAILABLE", "requestId": "3f2c9a1e-8d4b-4f7a-9c2e-1b5d6e7f8a90" }""";

    static final String VERIFICATION_REQUIRED = """
            { "type": "/problems/verification-required", "title": "Verification required", "status": 428,
              "detail": "UNLOCK needs a verificationId from a verification of this customer by you in the last minutes: verify the caller (POST /customers/{id}/verification) and send its verificationId in the body.",
              "code": "VERIFICATION_REQUIRED", "requestId": "3f2c9a1e-8d4b-4f7a-9c2e-1b5d6e7f8a90" }""";

    static final String SIMULATED_CUSTOMER_NOT_FOUND = """
            { "type": "/problems/customer-not-found", "title": "Customer not found", "status": 404,
              "detail": "No simulated customer with id 'abc': the simulated customers are listed in README.md.",
              "code": "CUSTOMER_NOT_FOUND", "requestId": "3f2c9a1e-8d4b-4f7a-9c2e-1b5d6e7f8a90" }""";

    static final String SIMULATOR_FAULTS = """
            { "lookupLatencyMs": 50, "activationLatencyMs": 2500, "serverErrorRate": 0.04, "resetRate": 0.04,
              "garbledRate": 0.035, "lostAnswerRate": 0.035 }""";

    static final String SIMULATOR_NO_FAULTS = """
            { "lookupLatencyMs": 0, "activationLatencyMs": 0, "serverErrorRate": 0, "resetRate": 0,
              "garbledRate": 0, "lostAnswerRate": 0 }""";

    static final String SIMULATOR_BAD_FAULTS = """
            { "type": "/problems/validation-failed", "title": "Invalid request", "status": 400,
              "detail": "Fault rates are fractions from 0 to 1.", "code": "VALIDATION_FAILED",
              "requestId": "3f2c9a1e-8d4b-4f7a-9c2e-1b5d6e7f8a90" }""";
}
