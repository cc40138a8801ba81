package com.walletcare.bff.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URL;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.walletcare.bff.care.HitCounter;
import com.walletcare.bff.testing.GatewayTest;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/**
 * The simulator's controls, as a tester drives them from Swagger UI or curl: their failures are problems like the
 * service's, and a reset puts back every piece of demo state, the service's as well as the simulator's.
 */
@QuarkusTest
class SimulatorControlsTest extends GatewayTest {

    private static final String PAUL = "vmiTxZcaSEym";
    private static final String WRONG = "{\"birthday\": \"01/01/1970\", \"zip\": \"92651\"}";
    private static final String RIGHT = "{\"birthday\": \"07/10/1969\", \"zip\": \"92651\"}";

    @TestHTTPResource("/")
    URL self;

    @Inject
    HitCounter counters;

    @BeforeEach
    void proxyToTheSimulatorFromAFreshDemo() {
        gateway.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(self.toString().replaceAll("/$", ""))));
        RestAssured.when().post("/simulator/reset").then().statusCode(204);
    }

    @ParameterizedTest
    @ValueSource(strings = { "not json", "{\"serverErrorRate\": \"lots\"}", "[1, 2]", "{\"serverErrorRate\": 2}", "" })
    void faultSettingsThatCannotBeTakenAreAProblem(String body) {
        String answer = RestAssured.given().contentType("application/json").body(body).when().put("/simulator/faults")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED")).body("status", equalTo(400))
                .body("requestId", notNullValue()).extract().asString();
        for (String internal : new String[] { "com.", "jackson", "Exception", "SimulatedFaults", "line:" }) {
            assertFalse(answer.contains(internal), "the answer names " + internal + ": " + answer);
        }
    }

    @Test
    void lockingACustomerTheSimulatorDoesNotHaveIsAProblem() {
        RestAssured.when().post("/simulator/customers/nobody123/lock")
                .then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("CUSTOMER_NOT_FOUND")).body("requestId", notNullValue());
    }

    @Test
    void aResetForgetsFailedVerificationsSoADemoCustomerIsNotLockedForAnHour() {
        for (int i = 0; i < 5; i++) {
            client().body(WRONG).when().post("/customers/" + PAUL + "/verification").then().statusCode(200)
                    .body("verified", equalTo(false));
        }
        client().body(RIGHT).when().post("/customers/" + PAUL + "/verification").then().statusCode(429)
                .body("code", equalTo("TOO_MANY_ATTEMPTS"));

        RestAssured.when().post("/simulator/reset").then().statusCode(204);

        client().body(RIGHT).when().post("/customers/" + PAUL + "/verification").then().statusCode(200)
                .body("verified", equalTo(true));
    }

    @Test
    void aResetForgetsTheChangesCountedAgainstEachAgent() {
        Duration minute = Duration.ofMinutes(1);
        assertEquals(1L, counters.hit("changes:demo-agent", minute).await().indefinitely().hits());

        RestAssured.when().post("/simulator/reset").then().statusCode(204);

        assertEquals(0L, counters.hits("changes:demo-agent", minute).await().indefinitely().hits());
    }

    @Test
    void aResetForgetsTheJournalAndPutsTheWalletsBack() {
        client().when().post("/customers/" + PAUL + "/unlock").then().statusCode(200).body("outcome", equalTo("UNLOCKED"));
        client().when().get("/customers/" + PAUL + "/history").then().statusCode(200).body("actions", not(empty()));

        RestAssured.when().post("/simulator/reset").then().statusCode(204);

        client().when().get("/customers/" + PAUL + "/history").then().statusCode(200).body("actions", empty());
        client().when().get("/customers/" + PAUL).then().statusCode(200).body("status", equalTo("LOCKED"));
        client().when().post("/customers/" + PAUL + "/unlock").then().statusCode(200).body("outcome", equalTo("UNLOCKED"));
    }
}
