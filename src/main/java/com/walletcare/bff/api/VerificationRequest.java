package com.walletcare.bff.api;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.walletcare.bff.care.Factor;
import com.walletcare.bff.api.Problem.Violation;

/** What the caller answered, as the agent typed it: any subset of the factors, at least one. */
@Schema(description = "The caller's answers, as said: at least one. Blank strings and nulls count as absent; no other "
        + "property, no control character, strings only.", minProperties = 1, additionalProperties = Schema.False.class)
public record VerificationRequest(
        @Schema(description = "A full date, month before day where the order is ambiguous: 07/10/1969, 1969-07-10, "
                + "07101969, July 10 1969, 10 Jul 1969 are all the same day; a two-digit year is not read",
                nullable = true, maxLength = 40, examples = "07/10/1969") String birthday,
        @Schema(description = "ZIP code; ZIP+4 counts as its first five digits", nullable = true, maxLength = 16, pattern = ZIP_PATTERN,
                examples = "92651") String zip,
        @Schema(description = "Not case-sensitive", nullable = true, maxLength = 254, pattern = SearchRequest.EMAIL_PATTERN,
                examples = "pauls_wallet@yahoo.com") String email,
        @Schema(description = "The last four digits of the phone number", nullable = true, maxLength = 16, pattern = PHONE_LAST_4_PATTERN,
                examples = "4444") String phoneLast4) {

    static final String ZIP_PATTERN = "^[A-Za-z0-9 -]{3,16}$";
    static final String PHONE_LAST_4_PATTERN = "^(?:[ .-]*[0-9]){4}[ .-]*$";
    private static final Pattern ZIP = Pattern.compile(ZIP_PATTERN);
    private static final Pattern PHONE_LAST_4 = Pattern.compile(PHONE_LAST_4_PATTERN);

    /** Each answer in its factor's normal form; throws with every violation at once. */
    static Map<Factor, String> toAnswers(VerificationRequest request) {
        if (request == null) {
            throw InvalidRequestException.of(null, "A JSON body with at least one of the caller's answers is required.");
        }
        List<Violation> violations = new ArrayList<>();
        Map<Factor, String> answers = new EnumMap<>(Factor.class);
        answer(Factor.birthday, request.birthday, 40, null,
                "Not a full date: say it as 07/10/1969, 1969-07-10 or July 10 1969.", answers, violations);
        answer(Factor.zip, request.zip, 16, ZIP, "Not a ZIP code.", answers, violations);
        answer(Factor.email, request.email, 254, SearchRequest.EMAIL, "Not an e-mail address.", answers, violations);
        answer(Factor.phoneLast4, request.phoneLast4, 16, PHONE_LAST_4, "Four digits.", answers, violations);
        if (violations.isEmpty() && answers.isEmpty()) {
            violations.add(new Violation(null, "Give at least one answer: birthday, zip, email or phoneLast4."));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return answers;
    }

    /** Blank is not asked; otherwise checked, then normalised, or a violation saying how to give it. */
    private static void answer(Factor factor, String raw, int maxLength, Pattern shape, String message,
            Map<Factor, String> answers, List<Violation> violations) {
        String answer = SearchRequest.checked(factor.name(), raw, maxLength, shape, message, violations);
        if (answer == null) {
            return;
        }
        String normal = factor.normalise(answer);
        if (normal == null) {
            violations.add(new Violation(factor.name(), message));
        } else {
            answers.put(factor, normal);
        }
    }
}
