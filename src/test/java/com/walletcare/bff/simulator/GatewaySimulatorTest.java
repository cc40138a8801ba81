package com.walletcare.bff.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.walletcare.bff.api.Roles;
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

    @Test
    void paulIsUnlockedInOneCallAndASecondCallChangesNothing() {
        client().when().get("/customers/vmiTxZcaSEym").then().statusCode(200).body("status", equalTo("LOCKED"));

        client().when().post("/customers/vmiTxZcaSEym/unlock")
                .then().statusCode(200).body("outcome", equalTo("UNLOCKED")).body("customer.status", equalTo("ACTIVE"));
        client().when().post("/customers/vmiTxZcaSEym/unlock")
                .then().statusCode(200).body("outcome", equalTo("ALREADY_UNLOCKED"));

        client().when().get("/customers/vmiTxZcaSEym").then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void failedLoginsLockAWalletAgainSoADemoCanRepeat() {
        client().when().post("/customers/latYxDdNJhzm/unlock").then().body("outcome", equalTo("ALREADY_UNLOCKED"));

        RestAssured.when().post("/simulator/customers/latYxDdNJhzm/lock").then().statusCode(204);
        RestAssured.when().post("/simulator/customers/nobody123/lock").then().statusCode(404);

        client().when().get("/customers/latYxDdNJhzm").then().body("status", equalTo("LOCKED"));
        client().when().post("/customers/latYxDdNJhzm/unlock").then().body("outcome", equalTo("UNLOCKED"));
    }

    @Test
    void deactivatingAndActivatingAWalletClearsItsLockAsTheGatewayDoes() {
        client().when().post("/customers/vmiTxZcaSEym/deactivate")
                .then().statusCode(200).body("outcome", equalTo("DEACTIVATED"))
                .body("customer.availableActions", contains("ACTIVATE")).body("customer.hold", org.hamcrest.Matchers.notNullValue());
        client().when().post("/customers/vmiTxZcaSEym/activate")
                .then().statusCode(200).body("outcome", equalTo("ACTIVATED")).body("customer.status", equalTo("ACTIVE"));
        client().when().post("/customers/qPzR4mWd8sKe/unlock").then().statusCode(409);
    }

    @Test
    void twentyConcurrentUnlocksConvergeOnOneDeactivateActivateSequence() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest unlock = HttpRequest.newBuilder(self.toURI().resolve("/customers/vmiTxZcaSEym/unlock"))
                .header("Authorization", "Bearer " + token("agent", Roles.AGENT))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(pool.submit(() -> http.send(unlock, HttpResponse.BodyHandlers.ofString())));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
                assertEquals(200, response.statusCode(), response.body());
                assertTrue(response.body().contains("\"status\":\"ACTIVE\""), response.body());
            }
        } finally {
            pool.shutdownNow();
        }

        client().when().get("/customers/vmiTxZcaSEym").then().body("status", equalTo("ACTIVE"));
        assertEquals(2, received(ACTIVATION).size(), "one deactivate and one activate, however many clients asked");
    }
}
