package com.walletcare.bff.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.walletcare.bff.testing.GatewayTest;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/**
 * The service against its embedded simulator, over real HTTP through the same REST client: WireMock, the test
 * gateway, proxies every call to this application's own simulator routes.
 */
@QuarkusTest
class GatewaySimulatorTest extends GatewayTest {

    @TestHTTPResource("/")
    URL self;

    @Inject
    GatewaySimulator simulator;

    @BeforeEach
    void proxyToTheSimulator() {
        simulator.reset();
        gateway.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(self.toString().replaceAll("/$", ""))));
    }

    @Test
    void searchingPaulsPhoneFindsOliviaActiveAndPaulLocked() {
        client().body("{\"phone\": \"(999) 123-4444\"}").when().post("/customers/search")
                .then().statusCode(200)
                .body("count", equalTo(2))
                .body("customers.firstName", contains("Olivia", "Paul"))
                .body("customers.status", contains("ACTIVE", "LOCKED"));
    }

    @Test
    void seedsADeactivatedWalletAndOneWithTwoDevices() {
        client().body("{\"email\": \"dana.reyes@example.com\"}").when().post("/customers/search")
                .then().statusCode(200).body("customers[0].status", equalTo("DEACTIVATED"))
                .body("customers[0].availableActions", contains("ACTIVATE"));
        client().when().get("/customers/hT7vXk2LmNq9")
                .then().statusCode(200).body("devices.status", contains("ACTIVE", "DEACTIVATED"));
    }

    @Test
    void refusesCallsWithoutThePartnerToken() {
        RestAssured.given().contentType("application/json").body("{}")
                .when().post("/b2b-gateway/customers/lookup").then().statusCode(401);
    }

    @Test
    void anEmptyLookupIsAFailedStatus() {
        RestAssured.given().contentType("application/json").header("Authorization", PARTNER_AUTHORIZATION)
                .body("{\"retrieveCustomerLookUpInfoRequest\": {\"messageHeader\": {}}}")
                .when().post("/b2b-gateway/customers/lookup")
                .then().statusCode(200).body("retrieveCustomerLookUpInfoResponse.status.statusCode", equalTo("FAILED"));
    }
}
