package com.walletcare.bff.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.http.Fault;
import com.walletcare.bff.testing.ExpectedErrorLog;
import com.walletcare.bff.testing.GatewayTest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Every way the gateway can fail a lookup, each to its problem code; never a 500, never the gateway's body. */
@QuarkusTest
class GatewayFailuresTest extends GatewayTest {

    /** One call plus %test max-retries (2). */
    private static final int ATTEMPTS = 3;

    private ValidatableResponse search() {
        return client().body("{\"phone\": \"9991234444\"}").when().post("/customers/search").then()
                .contentType("application/problem+json")
                .body("requestId", not(nullValue()))
                .body(not(containsString("test-partner-token")))
                .body(not(containsString("secret-gateway-detail")));
    }

    @Test
    @ExtendWith(ExpectedErrorLog.class)
    void refusedPartnerCredentialsAreNotRetried() {
        gateway.stubFor(lookupCall().willReturn(aResponse().withStatus(401).withBody("secret-gateway-detail")));

        search().statusCode(502).body("code", equalTo("GATEWAY_AUTH_FAILED"));

        assertEquals(1, received(LOOKUP).size());
    }

    @ParameterizedTest
    @ValueSource(ints = { 500, 502, 503, 504, 404 })
    void serverErrorsAreRetriedThenReportedUnavailable(int status) {
        gateway.stubFor(lookupCall().willReturn(aResponse().withStatus(status).withBody("secret-gateway-detail")));

        search().statusCode(503).body("code", equalTo("GATEWAY_UNAVAILABLE")).header("Retry-After", not(nullValue()));

        assertEquals(ATTEMPTS, received(LOOKUP).size());
    }

    @Test
    void aTransientFailureThatHealsIsInvisibleToTheClient() {
        gateway.stubFor(lookupCall().inScenario("heal").willReturn(aResponse().withStatus(503)).willSetStateTo("healed"));
        gateway.stubFor(lookupCall().inScenario("heal").whenScenarioStateIs("healed")
                .willReturn(json(lookupAnswer(record("vmiTxZcaSEym", true, true)))));

        client().body("{\"phone\": \"9991234444\"}").when().post("/customers/search")
                .then().statusCode(200).body("count", equalTo(1));

        assertEquals(2, received(LOOKUP).size());
    }

    @Test
    void aSlowGatewayIsATimeoutWithinTheConfiguredBound() {
        gateway.stubFor(lookupCall().willReturn(json(lookupAnswer()).withFixedDelay(3_000)));

        // %test: 3 attempts x 500 ms + 2 x 10 ms delay; well under the gateway's 3 s delay.
        search().statusCode(504).body("code", equalTo("GATEWAY_TIMEOUT"))
                .time(lessThan(2_500L), TimeUnit.MILLISECONDS);

        assertEquals(ATTEMPTS, received(LOOKUP).size());
    }

    @Test
    void aFailedBodyStatusIsRejectedAndNotRetried() {
        gateway.stubFor(lookupCall().willReturn(json(failedAnswer("retrieveCustomerLookUpInfo"))));

        search().statusCode(502).body("code", equalTo("GATEWAY_REJECTED")).body("detail", containsString("FAILED"));

        assertEquals(1, received(LOOKUP).size());
    }

    @Test
    void anUnexpectedClientErrorIsRejected() {
        gateway.stubFor(lookupCall().willReturn(aResponse().withStatus(400).withBody("secret-gateway-detail")));

        search().statusCode(502).body("code", equalTo("GATEWAY_REJECTED"));
    }

    @Test
    void malformedJsonIsRejected() {
        gateway.stubFor(lookupCall().willReturn(json("{\"retrieveCustomerLookUpInfoResponse\": {\"status\": secret-gateway-detail")));

        search().statusCode(502).body("code", equalTo("GATEWAY_REJECTED"));

        assertEquals(1, received(LOOKUP).size());
    }

    @Test
    void aBodyWithoutTheEnvelopeIsRejected() {
        gateway.stubFor(lookupCall().willReturn(json("{\"somethingElse\": {}}")));

        search().statusCode(502).body("code", equalTo("GATEWAY_REJECTED"));
    }

    @Test
    @ExtendWith(ExpectedErrorLog.class)
    void aResetConnectionIsRetriedThenUnavailable() {
        gateway.stubFor(lookupCall().willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        search().statusCode(503).body("code", equalTo("GATEWAY_UNAVAILABLE"));

        assertEquals(ATTEMPTS, received(LOOKUP).size());
    }

    @Test
    @ExtendWith(ExpectedErrorLog.class)
    void garbageOnTheWireIsUnavailable() {
        gateway.stubFor(lookupCall().willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));

        search().statusCode(503).body("code", equalTo("GATEWAY_UNAVAILABLE"));
    }

    @Test
    void aFailingGatewayOpensTheCircuitAndIsLeftAlone() {
        gateway.stubFor(lookupCall().willReturn(aResponse().withStatus(500)));

        // %test breaker: 6 calls in the window at a 50 % failure ratio; two requests x 3 attempts fill it.
        search().statusCode(503);
        search().statusCode(503);
        int beforeOpen = received(LOOKUP).size();

        search().statusCode(503).body("code", equalTo("GATEWAY_UNAVAILABLE")).header("Retry-After", equalTo("2"));

        assertEquals(beforeOpen, received(LOOKUP).size(), "an open circuit sends nothing to the gateway");
    }
}
