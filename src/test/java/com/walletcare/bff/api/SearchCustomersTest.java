package com.walletcare.bff.api;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.walletcare.bff.testing.GatewayTest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

@QuarkusTest
class SearchCustomersTest extends GatewayTest {

    @Test
    void theSeedAnswerWithARepeatedKeyReturnsBothCustomersWithStatusAndActions() {
        gateway.stubFor(lookupCall().willReturn(json(resource("/gateway/seed-lookup-response.json"))));

        client().body("{\"phone\": \"(508) 999-1234\"}")
                .when().post("/customers/search")
                .then().statusCode(200)
                .body("count", equalTo(2))
                .body("customers.id", contains("latYxDdNJhzm", "vmiTxZcaSEym"))
                .body("customers[0].firstName", equalTo("Olivia"))
                .body("customers[0].status", equalTo("ACTIVE"))
                .body("customers[0].availableActions", contains("DEACTIVATE"))
                .body("customers[1].firstName", equalTo("Paul"))
                .body("customers[1].status", equalTo("LOCKED"))
                .body("customers[1].availableActions", contains("UNLOCK", "DEACTIVATE"))
                .body("customers[1].createdAt", equalTo("2016-02-06T20:56:50.632Z"))
                .body("customers[1].lastLoginAt", nullValue())
                .body("customers[1].address.line2", nullValue())
                .body("customers[1].additionalInformation.birthday", equalTo("07101969"))
                .body(not(containsString("customerUri")))
                .body(not(containsString("entity:")));
    }

    @Test
    void theGatewayReceivesTheEnvelopeHeaderTokenAndDigitsOnlyPhone() {
        gateway.stubFor(lookupCall().willReturn(json(lookupAnswer())));

        String requestId = client().header("X-Request-Id", "agent-req-42").body("{\"phone\": \"(999) 123-4444\"}")
                .when().post("/customers/search")
                .then().statusCode(200).body("count", equalTo(0)).body("customers", emptyIterable())
                .extract().header("X-Request-Id");

        assertEquals("agent-req-42", requestId);
        gateway.verify(1, postRequestedFor(urlEqualTo(LOOKUP))
                .withHeader("Authorization", WireMock.equalTo(PARTNER_AUTHORIZATION))
                .withRequestBody(equalToJson("""
                        { "retrieveCustomerLookUpInfoRequest": {
                            "messageHeader": { "partnerId": "wallet-care-test", "messageId": "agent-req-42-1",
                                               "versionId": "1.0", "environmentId": "Test" },
                            "phone": "9991234444" } }""")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"email\": \" pauls_wallet@yahoo.com \"}                | $.retrieveCustomerLookUpInfoRequest[?(@.email == 'pauls_wallet@yahoo.com')]",
            "{\"firstName\": \"Paul\", \"lastName\": \"Casey\"}       | $.retrieveCustomerLookUpInfoRequest[?(@.firstName == 'Paul' && @.lastName == 'Casey')]",
            "{\"externalId\": \"ACC-1002\"}                           | $.retrieveCustomerLookUpInfoRequest[?(@.externalId == 'ACC-1002')]",
            "{\"customerId\": \"vmiTxZcaSEym\"}                       | $.retrieveCustomerLookUpInfoRequest[?(@.customerId == 'vmiTxZcaSEym')]",
            "{\"phone\": \"+1 999.123.4444\", \"email\": \"\"}        | $.retrieveCustomerLookUpInfoRequest[?(@.phone == '19991234444')]" })
    void eachCriterionReachesTheGatewayUnderItsName(String body, String expectedJsonPath) {
        gateway.stubFor(lookupCall().willReturn(json(lookupAnswer(record("vmiTxZcaSEym", true, true)))));

        client().body(body).when().post("/customers/search")
                .then().statusCode(200).body("count", equalTo(1)).body("customers[0].status", equalTo("LOCKED"));

        gateway.verify(1, postRequestedFor(urlEqualTo(LOOKUP)).withRequestBody(matchingJsonPath(expectedJsonPath)));
        LoggedRequest sent = received(LOOKUP).get(0);
        assertTrue(!sent.getBodyAsString().contains("\"email\":\"\""), "blank criteria are not sent");
    }

    @Test
    void eachGatewayCallOfARequestGetsItsOwnMessageId() {
        gateway.stubFor(lookupCall().inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(serverError()).willSetStateTo("failed once"));
        gateway.stubFor(lookupCall().inScenario("flaky").whenScenarioStateIs("failed once")
                .willReturn(json(lookupAnswer())));

        String requestId = client().body("{\"phone\": \"9991234444\"}").when().post("/customers/search")
                .then().statusCode(200).extract().header("X-Request-Id");

        List<String> messageIds = received(LOOKUP).stream()
                .map(r -> r.getBodyAsString().replaceAll(".*\"messageId\":\"([^\"]*)\".*", "$1")).toList();
        assertEquals(List.of(requestId + "-1", requestId + "-2"), messageIds);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{}                                              | ",
            "{\"phone\": \"   \", \"email\": \"\"}           | ",
            "{\"firstName\": \"Paul\"}                       | lastName",
            "{\"lastName\": \"Casey\"}                       | firstName",
            "{\"phone\": \"12\"}                             | phone",
            "{\"phone\": \"call me maybe\"}                  | phone",
            "{\"email\": \"not-an-address\"}                 | email",
            "{\"customerId\": \"../etc/passwd\"}             | customerId",
            "{\"phone\": \"9991234444\", \"phnoe\": \"1\"}   | phnoe",
            "{\"phone\": \"9991234444\", \"email\": [1]}     | email",
            "{\"phone\": 9991234444}                       | phone",
            "{\"customerId\": true}                        | customerId",
            "{\"phone\": 1e400}                            | phone",
            "{\"phone\": \"9991234444\", \"phone\": \"6175550142\"} | phone",
            "{\"firstName\": \"Pa\\u0000ul\", \"lastName\": \"Casey\"} | firstName",
            "{\"phone\": \"9991234444\"} xyz                 | ",
            "{\"phone\": \"9991234444\"} {\"phone\": \"1\"}    | " })
    void badCriteriaAreRefusedWithTheirViolations(String body, String field) {
        gateway.stubFor(lookupCall().willReturn(json(lookupAnswer())));

        var then = client().body(body).when().post("/customers/search")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("status", equalTo(400))
                .body("type", equalTo("/problems/validation-failed"))
                .body("requestId", not(nullValue()))
                .body("violations.message", not(emptyIterable()));
        if (field != null) {
            then.body("violations.field", hasItem(field));
        }
        assertTrue(received(LOOKUP).isEmpty(), "nothing reaches the gateway");
    }

    @Test
    void aTooLongNameIsRefused() {
        client().body("{\"firstName\": \"" + "x".repeat(101) + "\", \"lastName\": \"Casey\"}")
                .when().post("/customers/search")
                .then().statusCode(400).body("violations[0].field", equalTo("firstName"));
    }

    @Test
    void validJsonOfTheWrongShapeIsNotCalledMalformed() {
        client().body("[]").when().post("/customers/search")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("violations[0].message", equalTo("The body must be one JSON object, and nothing after it."));
    }

    @Test
    void theGatewaysAnswersAreStillReadLeniently() {
        gateway.stubFor(lookupCall().willReturn(json(lookupAnswer(record("vmiTxZcaSEym", true, true)
                .replace("\"zip\": \"92651\"", "\"zip\": 92651")))));

        client().body("{\"customerId\": \"vmiTxZcaSEym\"}").when().post("/customers/search")
                .then().statusCode(200).body("customers[0].address.zip", equalTo("92651"));
    }

    @Test
    void malformedJsonAndAMissingBodyAreValidationFailures() {
        client().body("{\"phone\": ").when().post("/customers/search")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body(not(containsString("jackson")));
        client().when().post("/customers/search")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void aBodyThatIsNotJsonIsUnsupported() {
        client().contentType("text/plain").body("phone=9991234444")
                .when().post("/customers/search")
                .then().statusCode(415).contentType("application/problem+json")
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void aCallerWithoutCredentialsLearnsNothingFromItsBody() {
        RestAssured.given().contentType("text/plain").body("phone=9991234444")
                .when().post("/customers/search")
                .then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void unknownPathsAndWrongMethodsAnswerProblems() {
        client().when().get("/nowhere")
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("NOT_FOUND"))
                .header("X-Request-Id", not(nullValue()));
        client().when().delete("/customers/vmiTxZcaSEym")
                .then().statusCode(405).contentType("application/problem+json")
                .body("code", equalTo("METHOD_NOT_ALLOWED"));
    }

    @Test
    void aClientThatAcceptsNoJsonIsToldSo() {
        RestAssured.given().contentType("application/json").accept("text/html").body("{\"phone\": \"9991234444\"}")
                .when().post("/customers/search")
                .then().statusCode(406).body(containsString("NOT_ACCEPTABLE"));
        assertTrue(received(LOOKUP).isEmpty());
    }

    @Test
    void anUnsafeRequestIdIsReplacedByAGeneratedOne() {
        gateway.stubFor(lookupCall().willReturn(json(lookupAnswer())));

        String echoed = client().header("X-Request-Id", "<script>alert(1)</script>").body("{\"phone\": \"9991234444\"}")
                .when().post("/customers/search")
                .then().statusCode(200).extract().header("X-Request-Id");

        assertTrue(echoed.matches("[0-9a-f-]{36}"), echoed);
        assertTrue(received(LOOKUP).get(0).getBodyAsString().contains("\"messageId\":\"" + echoed + "-1\""));
    }
}
