package com.walletcare.bff.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.walletcare.bff.care.VerificationTokens;
import com.walletcare.bff.testing.GatewayTest;
import com.walletcare.bff.testing.TestLog;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

/**
 * Caller verification against Paul's record (birthday 07101969, zip 92651, pauls_wallet@yahoo.com, phone ending 4444)
 * with the default policy: two matches, one of them birthday or zip, no wrong answer. Each test verifies its own
 * customer id, so that no test meets the failed-attempt limit of another.
 */
@QuarkusTest
class CallerVerificationTest extends GatewayTest {

    @Inject
    VerificationTokens tokens;

    private String id;

    @BeforeEach
    void paulUnderANewId() {
        id = "paul-" + UUID.randomUUID().toString().substring(0, 8);
        gateway.stubFor(lookupCall().willReturn(json(lookupAnswer(record(id, true, true)))));
    }

    private ValidatableResponse verify(String answers) {
        return client().body(answers).when().post("/customers/" + id + "/verification").then();
    }

    @Test
    void birthdayAndZipVerifyTheCallerWithAVerificationIdForFifteenMinutes() {
        Instant before = Instant.now();
        String expiresAt = verify("{\"birthday\": \"07/10/1969\", \"zip\": \"92651\"}")
                .statusCode(200)
                .body("verified", equalTo(true))
                .body("matched", contains("birthday", "zip"))
                .body("notMatched", empty())
                .body("missing", contains("email", "phoneLast4"))
                .body("verificationId", startsWith("vf_"))
                .extract().path("expiresAt");

        Duration validFor = Duration.between(before, Instant.parse(expiresAt));
        assertTrue(validFor.compareTo(Duration.ofMinutes(14)) > 0 && validFor.compareTo(Duration.ofMinutes(16)) < 0,
                "expiresAt is 15 minutes ahead: " + expiresAt);
        assertEquals(1, received(LOOKUP).size(), "one fresh lookup");
    }

    @Test
    void answersAreComparedAsCallersSayThem() {
        verify("{\"birthday\": \"July 10th, 1969\", \"email\": \" Pauls_Wallet@YAHOO.com\", \"phoneLast4\": \"44-44\"}")
                .statusCode(200).body("verified", equalTo(true))
                .body("matched", contains("birthday", "email", "phoneLast4"));
    }

    @Test
    void oneMatchIsNotEnough() {
        verify("{\"zip\": \"92651\"}").statusCode(200)
                .body("verified", equalTo(false)).body("matched", contains("zip"))
                .body("verificationId", nullValue()).body("expiresAt", nullValue());
    }

    @Test
    void twoMatchesNeedBirthdayOrZipAmongThem() {
        verify("{\"email\": \"pauls_wallet@yahoo.com\", \"phoneLast4\": \"4444\"}").statusCode(200)
                .body("verified", equalTo(false)).body("matched", contains("email", "phoneLast4"));
    }

    @Test
    void aWrongAnswerFailsTheVerificationWhateverElseMatchesAndNeverRevealsTheRightOne() {
        String answer = verify("{\"birthday\": \"10/07/1969\", \"zip\": \"92651\", \"email\": \"pauls_wallet@yahoo.com\"}")
                .statusCode(200)
                .body("verified", equalTo(false))
                .body("matched", contains("zip", "email"))
                .body("notMatched", contains("birthday"))
                .body("missing", contains("phoneLast4"))
                .body("verificationId", nullValue())
                .extract().asString();

        for (String stored : List.of("07101969", "1969", "92651", "pauls_wallet", "9991234444", "4444")) {
            assertFalse(answer.contains(stored), "the answer shows " + stored + ": " + answer);
        }
    }

    @Test
    void aViewerMayVerify() {
        as(Roles.VIEWER).body("{\"birthday\": \"1969-07-10\", \"zip\": \"92651-0001\"}")
                .when().post("/customers/" + id + "/verification")
                .then().statusCode(200).body("verified", equalTo(true));
    }

    @Test
    void unreadableAnswersAreRefusedWithoutAskingTheGateway() {
        verify("{\"birthday\": \"07/10/69\", \"phoneLast4\": \"123\"}").statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("violations.field", contains("birthday", "phoneLast4"));
        verify("{}").statusCode(400).body("violations[0].message", startsWith("Give at least one answer"));
        verify("{\"birthday\": \"07/10/1969\", \"mothersMaidenName\": \"x\"}").statusCode(400)
                .body("violations[0].field", equalTo("mothersMaidenName"));
        verify("{\"zip\": 92651}").statusCode(400).body("violations[0].field", equalTo("zip"));

        assertTrue(received(LOOKUP).isEmpty());
    }

    @Test
    void theVerificationIdIsBoundToCustomerAndAgentAndExpires() {
        String verificationId = verify("{\"birthday\": \"07/10/1969\", \"zip\": \"92651\"}").statusCode(200)
                .extract().path("verificationId");
        String agent = Roles.AGENT + "-user";

        assertTrue(tokens.valid(verificationId, id, agent));
        assertFalse(tokens.valid(verificationId, id, "another-agent"), "another agent");
        assertFalse(tokens.valid(verificationId, "latYxDdNJhzm", agent), "another customer");
        assertFalse(tokens.valid(verificationId.substring(0, verificationId.length() - 1) + "x", id, agent), "altered");
        assertFalse(tokens.valid(verificationId.replaceFirst("vf_\\d+", "vf_9999999999"), id, agent), "longer life");
        assertFalse(tokens.valid(tokens.issue(id, agent, Instant.now().minusSeconds(1)), id, agent), "expired");
        assertTrue(tokens.valid(tokens.issue(id, agent, Instant.now().plusSeconds(60)), id, agent));
    }

    @Test
    void everyAttemptIsInTheWalletsHistoryWithItsMatchedFactorsButNoAnswer() {
        verify("{\"birthday\": \"July 10 1969\", \"zip\": \"92651\"}").statusCode(200).body("verified", equalTo(true));
        verify("{\"birthday\": \"07/11/1969\", \"zip\": \"92651\"}").statusCode(200).body("verified", equalTo(false));

        String history = client().when().get("/customers/" + id + "/history").then().statusCode(200)
                .body("actions.action", contains("VERIFY", "VERIFY"))
                .body("actions.outcome", contains("NOT_VERIFIED", "VERIFIED"))
                .body("actions[0].matched", contains("zip"))
                .body("actions[1].matched", contains("birthday", "zip"))
                .body("actions[1].agent", equalTo(Roles.AGENT + "-user"))
                .extract().asString();
        for (String answer : List.of("July", "07/11/1969", "92651", "07101969")) {
            assertFalse(history.contains(answer), "the history shows " + answer + ": " + history);
        }
    }

    @Test
    void theAuditRecordNamesTheOutcomeAndFactorsButNoAnswer() {
        client().header(RequestIdFilter.HEADER, "verify-audit-" + id)
                .body("{\"birthday\": \"July 10 1969\", \"zip\": \"92651\"}")
                .when().post("/customers/" + id + "/verification").then().statusCode(200);

        List<JsonNode> audit = TestLog.auditOf("verify-audit-" + id);
        assertEquals(1, audit.size(), "one audit record: " + audit);
        assertEquals("VERIFY", audit.get(0).path("action").asText());
        assertEquals("VERIFIED", audit.get(0).path("outcome").asText());
        assertEquals(id, audit.get(0).path("customerId").asText());
        assertEquals("[\"birthday\",\"zip\"]", audit.get(0).path("matched").toString());
        // The whole log for the spoken date, which is distinctive; the messages of this request's own lines for the
        // digits too, which a random UUID or a nanosecond timestamp elsewhere in the log may contain by chance.
        List<String> leaks = new ArrayList<>(TestLog.lines().stream().filter(line -> line.contains("July 10")).toList());
        TestLog.records().stream()
                .filter(record -> ("verify-audit-" + id).equals(record.path("mdc").path("requestId").asText()))
                .map(record -> record.path("message").asText())
                .filter(message -> message.contains("92651") || message.contains("1969"))
                .forEach(leaks::add);
        assertEquals(List.of(), leaks, "no answer in any log line");
    }
}
