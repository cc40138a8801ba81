package com.walletcare.bff.api;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.walletcare.bff.testing.GatewayTest;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class GetCustomerTest extends GatewayTest {

    @Test
    void readsOneCustomerByIdFreshFromTheGateway() {
        gateway.stubFor(lookupCall().willReturn(json(lookupAnswer(record("vmiTxZcaSEym", true, true)))));

        client().when().get("/customers/vmiTxZcaSEym")
                .then().statusCode(200)
                .body("id", equalTo("vmiTxZcaSEym"))
                .body("status", equalTo("LOCKED"))
                .body("phone", equalTo("9991234444"))
                .body("$", hasKey("lastLoginAt")).body("lastLoginAt", nullValue()); // the contract writes null, never omits

        gateway.verify(postRequestedFor(urlEqualTo(LOOKUP))
                .withRequestBody(matchingJsonPath("$.retrieveCustomerLookUpInfoRequest.customerId",
                        WireMock.equalTo("vmiTxZcaSEym"))));
    }

    @Test
    void onlyAnExactIdMatchCounts() {
        gateway.stubFor(lookupCall().willReturn(json(lookupAnswer(record("someoneElse1", true, false)))));

        client().when().get("/customers/vmiTxZcaSEym")
                .then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("CUSTOMER_NOT_FOUND"))
                .body("detail", equalTo("No customer with id 'vmiTxZcaSEym' for this issuing partner."));
    }

    @Test
    void anUnknownIdIsNotFound() {
        gateway.stubFor(lookupCall().willReturn(json(lookupAnswer())));

        client().when().get("/customers/nobody123")
                .then().statusCode(404).body("code", equalTo("CUSTOMER_NOT_FOUND"));
    }

    @Test
    void aMalformedIdNeverReachesTheGateway() {
        client().when().get("/customers/" + "x".repeat(65))
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("violations[0].field", equalTo("id"));
        client().when().get("/customers/a%20b")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));

        assertTrue(received(LOOKUP).isEmpty());
    }
}
