package com.walletcare.bff.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.walletcare.bff.testing.GatewayTest;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class UnlockTest extends GatewayTest {

    private static final String ID = "vmiTxZcaSEym";

    /** The wallet as the gateway holds it: lookups answer its current flags, activations change them. */
    private void wallet(boolean active, boolean locked) {
        String[] states = { "active", "locked", "deactivated+locked", "deactivated" };
        String initial = active ? (locked ? "locked" : "active") : (locked ? "deactivated+locked" : "deactivated");
        for (String state : states) {
            gateway.stubFor(lookupCall().inScenario("wallet")
                    .whenScenarioStateIs(state.equals(initial) ? Scenario.STARTED : state)
                    .willReturn(json(lookupAnswer(record(ID, !state.startsWith("deactivated"), state.contains("locked"))))));
        }
        stubActivation("false", json(ACTIVATION_SUCCESS), locked ? "deactivated+locked" : "deactivated");
        stubActivation("true", json(ACTIVATION_SUCCESS), "active");
    }

    private void stubActivation(String activate, ResponseDefinitionBuilder answer,
            String nextState) {
        var stub = activationCall().inScenario("wallet")
                .withRequestBody(matchingJsonPath("$.updateCustomerActivationRequest.activate", equalTo(activate)))
                .willReturn(answer);
        gateway.stubFor(nextState == null ? stub : stub.willSetStateTo(nextState));
    }

    @Test
    void aLockedWalletIsDeactivatedThenActivatedWithTheLookedUpUris() {
        wallet(true, true);

        client().header("X-Request-Id", "unlock-1").when().post("/customers/" + ID + "/unlock")
                .then().statusCode(200)
                .body("outcome", Matchers.equalTo("UNLOCKED"))
                .body("customer.id", Matchers.equalTo(ID))
                .body("customer.status", Matchers.equalTo("ACTIVE"))
                .body("customer.availableActions", Matchers.contains("DEACTIVATE"))
                .body(not(containsString("entity:")));

        List<String> paths = new ArrayList<>(gateway.getAllServeEvents().stream().map(e -> e.getRequest().getUrl()).toList());
        Collections.reverse(paths); // WireMock lists the newest first
        assertEquals(List.of(LOOKUP, ACTIVATION, ACTIVATION, LOOKUP), paths);
        assertEquals(List.of("false", "true"), activationsSent());
        for (int i = 0; i < 2; i++) {
            String expected = """
                    { "updateCustomerActivationRequest": {
                        "messageHeader": { "partnerId": "wallet-care-test", "messageId": "unlock-1-%d",
                                           "versionId": "1.0", "environmentId": "Test" },
                        "customerUri": "certnew:entity:customer#uri-vmiTxZcaSEym",
                        "issuingPartnerUri": "certnew:entity:issuingpartner#d72bb2cd-34f9-441e-9daf-4f3ef2838bcb",
                        "partnerUri": "paydiant:entity:partner#5df9ba6e-c3a5-4c7e-9f22-6812a069683a",
                        "activate": "%s" } }""".formatted(i + 2, i == 0 ? "false" : "true");
            gateway.verify(1, WireMock.postRequestedFor(
                    WireMock.urlEqualTo(ACTIVATION))
                    .withRequestBody(WireMock.equalToJson(expected)));
        }
    }

    @Test
    void anActiveWalletIsLeftAlone() {
        wallet(true, false);

        client().when().post("/customers/" + ID + "/unlock")
                .then().statusCode(200).body("outcome", Matchers.equalTo("ALREADY_UNLOCKED"))
                .body("customer.status", Matchers.equalTo("ACTIVE"));

        assertTrue(received(ACTIVATION).isEmpty());
    }

    @Test
    void aDeactivatedAndLockedWalletIsOnlyActivated() {
        wallet(false, true);

        client().when().post("/customers/" + ID + "/unlock")
                .then().statusCode(200).body("outcome", Matchers.equalTo("UNLOCKED"))
                .body("customer.status", Matchers.equalTo("ACTIVE"));

        assertEquals(List.of("true"), activationsSent());
    }

    @Test
    void aDeactivatedWalletThatIsNotLockedIsAConflict() {
        wallet(false, false);

        client().when().post("/customers/" + ID + "/unlock")
                .then().statusCode(409).contentType("application/problem+json")
                .body("code", Matchers.equalTo("CUSTOMER_DEACTIVATED"))
                .body("detail", containsString("use activate"));

        assertTrue(received(ACTIVATION).isEmpty());
    }

    @Test
    void aReactivationThatFailsOnceIsRetriedAndTheUnlockCompletes() {
        wallet(true, true);
        gateway.stubFor(activationCall().inScenario("flaky activation").whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(matchingJsonPath("$.updateCustomerActivationRequest.activate", equalTo("true")))
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));

        client().when().post("/customers/" + ID + "/unlock")
                .then().statusCode(200).body("outcome", Matchers.equalTo("UNLOCKED"));

        assertEquals(List.of("false", "true", "true"), activationsSent());
    }

    @Test
    void aReactivationThatKeepsFailingIsReportedIncompleteAndRepeatingCompletesIt() {
        wallet(true, true);
        stubActivation("true", aResponse().withStatus(503), null);

        client().when().post("/customers/" + ID + "/unlock")
                .then().statusCode(502).contentType("application/problem+json")
                .body("code", Matchers.equalTo("UNLOCK_INCOMPLETE"))
                .body("customerId", Matchers.equalTo(ID))
                .body("customerStatus", Matchers.equalTo("DEACTIVATED"))
                .body("detail", containsString("is deactivated now"))
                .body("detail", containsString("Repeat the unlock"));
        assertEquals(List.of("false", "true", "true", "true"), activationsSent());

        // The gateway recovers; the wallet is still deactivated and locked.
        gateway.resetRequests();
        stubActivation("true", json(ACTIVATION_SUCCESS), "active");

        client().when().post("/customers/" + ID + "/unlock")
                .then().statusCode(200).body("outcome", Matchers.equalTo("UNLOCKED"))
                .body("customer.status", Matchers.equalTo("ACTIVE"));
        assertEquals(List.of("true"), activationsSent());
    }

    @Test
    void aRefusedDeactivationLeavesTheWalletUntouchedAndSaysSo() {
        wallet(true, true);
        stubActivation("false", json(failedAnswer("updateCustomerActivation")), null);

        client().when().post("/customers/" + ID + "/unlock")
                .then().statusCode(502).body("code", Matchers.equalTo("GATEWAY_REJECTED"))
                .body("detail", containsString("The wallet was not changed."));

        assertEquals(List.of("false"), activationsSent());
    }

    @ParameterizedTest
    @ValueSource(ints = { 500, 503 })
    void aFailingDeactivationIsAGatewayErrorNotAnIncompleteUnlock(int status) {
        wallet(true, true);
        stubActivation("false", aResponse().withStatus(status), null);

        client().when().post("/customers/" + ID + "/unlock")
                .then().statusCode(503).body("code", Matchers.equalTo("GATEWAY_UNAVAILABLE"))
                .body("detail", containsString("repeating the request is safe"));

        assertEquals(List.of("false", "false", "false"), activationsSent());
    }

    @Test
    void aSlowDeactivationIsATimeout() {
        wallet(true, true);
        stubActivation("false", json(ACTIVATION_SUCCESS).withFixedDelay(2_000), null);

        client().when().post("/customers/" + ID + "/unlock")
                .then().statusCode(504).body("code", Matchers.equalTo("GATEWAY_TIMEOUT"));

        assertTrue(activationsSent().stream().allMatch("false"::equals));
    }

    @ParameterizedTest
    @ValueSource(strings = { "unlock", "activate", "deactivate" })
    void anUnknownCustomerIsNotFound(String action) {
        gateway.stubFor(lookupCall().willReturn(json(lookupAnswer())));

        client().when().post("/customers/nobody123/" + action)
                .then().statusCode(404).body("code", Matchers.equalTo("CUSTOMER_NOT_FOUND"));

        assertTrue(received(ACTIVATION).isEmpty());
    }
}
