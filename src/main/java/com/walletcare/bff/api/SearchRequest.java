package com.walletcare.bff.api;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.walletcare.bff.customer.SearchCriteria;
import com.walletcare.bff.api.Problem.Violation;

/**
 * The search body. All fields optional, at least one required, first and last name only together; blank strings
 * count as absent. Unknown fields are refused (quarkus.jackson.fail-on-unknown-properties), so a typo is never a
 * silent "search everything".
 */
@Schema(description = "Search criteria: at least one of phone, email, firstName + lastName, externalId, customerId; "
        + "firstName and lastName only together. Blank strings and nulls count as absent; values are trimmed. No other property, "
        + "no control character, strings only. (Stated here rather than as anyOf/allOf, which code generators turn into "
        + "broken composed types; the service answers a body that breaks them with 400 VALIDATION_FAILED.)",
        minProperties = 1, additionalProperties = Schema.False.class)
public record SearchRequest(
        @Schema(nullable = true, description = "Any formatting (digits, spaces, + ( ) . -), 7 to 15 digits; normalised to digits",
                maxLength = 32, pattern = PHONE_SCHEMA_PATTERN, examples = "(999) 123-4444") String phone,
        @Schema(nullable = true, maxLength = 254, pattern = EMAIL_PATTERN, examples = "pauls_wallet@yahoo.com") String email,
        @Schema(nullable = true, description = "Only together with lastName", maxLength = 100, examples = "Paul") String firstName,
        @Schema(nullable = true, description = "Only together with firstName", maxLength = 100, examples = "Casey") String lastName,
        @Schema(nullable = true, description = "The issuer's own id for the customer, e.g. an account number", maxLength = 100,
                examples = "ACC-1002") String externalId,
        @Schema(nullable = true, description = "The gateway's customerId", maxLength = 64,
                pattern = CustomerParams.CUSTOMER_ID_PATTERN, examples = "vmiTxZcaSEym") String customerId) {

    static final int MAX_NAME = 100;
    static final String PHONE_PATTERN = "^[0-9 +().-]{1,32}$";
    /** The same characters, and 7 to 15 of them digits: both rules the service applies, in one pattern for the schema. */
    static final String PHONE_SCHEMA_PATTERN = "^[ +().-]*(?:[0-9][ +().-]*){7,15}$";
    static final String EMAIL_PATTERN = "^[^@\\s]+@[^@\\s]+$";
    private static final Pattern PHONE_CHARACTERS = Pattern.compile(PHONE_PATTERN);
    static final Pattern EMAIL = Pattern.compile(EMAIL_PATTERN);
    private static final Pattern NON_DIGITS = Pattern.compile("\\D");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    /** Validates and normalises; throws with every violation at once. */
    static SearchCriteria toCriteria(SearchRequest request) {
        if (request == null) {
            throw InvalidRequestException.of(null, "A JSON body with at least one search criterion is required.");
        }
        List<Violation> violations = new ArrayList<>();
        String phone = phone(request.phone, violations);
        String email = checked("email", request.email, 254, EMAIL, "Not an e-mail address.", violations);
        String firstName = checked("firstName", request.firstName, MAX_NAME, null, null, violations);
        String lastName = checked("lastName", request.lastName, MAX_NAME, null, null, violations);
        String externalId = checked("externalId", request.externalId, MAX_NAME, null, null, violations);
        String customerId = checked("customerId", request.customerId, 64, CustomerParams.CUSTOMER_ID,
                "Letters, digits, '-' and '_' only.", violations);
        if ((firstName == null) != (lastName == null) && violations.isEmpty()) {
            violations.add(new Violation(firstName == null ? "firstName" : "lastName",
                    "firstName and lastName are searched together: give both."));
        }
        if (violations.isEmpty() && phone == null && email == null && firstName == null && externalId == null
                && customerId == null) {
            violations.add(new Violation(null,
                    "Give at least one criterion: phone, email, firstName + lastName, externalId or customerId."));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return new SearchCriteria(phone, email, firstName, lastName, externalId, customerId);
    }

    private static String phone(String raw, List<Violation> violations) {
        String phone = checked("phone", raw, 32, PHONE_CHARACTERS, "Digits, spaces and + ( ) . - only.", violations);
        if (phone == null) {
            return null;
        }
        String digits = NON_DIGITS.matcher(phone).replaceAll("");
        if (digits.length() < 7 || digits.length() > 15) {
            violations.add(new Violation("phone", "A phone number has 7 to 15 digits."));
            return null;
        }
        return digits;
    }

    /** Blank → null; otherwise trimmed, and checked for length and shape. */
    static String checked(String field, String raw, int maxLength, Pattern shape, String shapeMessage,
            List<Violation> violations) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip();
        if (CONTROL.matcher(value).find()) {
            violations.add(new Violation(field, "Control characters are not allowed."));
            return null;
        }
        if (value.length() > maxLength) {
            violations.add(new Violation(field, "At most " + maxLength + " characters."));
            return null;
        }
        if (shape != null && !shape.matcher(value).matches()) {
            violations.add(new Violation(field, shapeMessage));
            return null;
        }
        return value;
    }
}
