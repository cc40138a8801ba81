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
import com.walletcare.bff.customer.WalletState;
import com.walletcare.bff.testing.GatewayTest;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class UnlockTest extends GatewayTest {

    private static final String ID = "vmiTxZcaSEym";

    private void wallet(boolean active, boolean locked) {
        walletAtGateway(ID, active, locked);
    }

    private static final WalletState LOCKED = new WalletState(true, true);
    private static final WalletState HALF_UNLOCKED = new WalletState(false, true);

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
    void aDeactivatedAndLockedWalletWithNoUnfinishedUnlockHereIsAConflictToo() {
        wallet(false, true);

        client().when().post("/customers/" + ID + "/unlock")
                .then().statusCode(409).body("code", Matchers.equalTo("CUSTOMER_DEACTIVATED"))
                .body("customer.status", Matchers.equalTo("DEACTIVATED"));

        assertEquals(List.of(), activationsSent());
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
    void aReactivationThatFailsOnceIsRetriedAfterALookupAndTheUnlockCompletes() {
        wallet(true, true);
        gateway.stubFor(activationIn(HALF_UNLOCKED, true).atPriority(1).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));

        client().when().post("/customers/" + ID + "/unlock")
                .then().statusCode(200).body("outcome", Matchers.equalTo("UNLOCKED"))
                .body("customer.status", Matchers.equalTo("ACTIVE"));

        assertEquals(List.of("false", "true", "true"), activationsSent());
        assertEquals(new WalletState(true, false), walletAtGatewayNow());
    }

    @Test
    void aReactivationThatKeepsFailingIsReportedIncompleteWithTheLookedUpStatusAndRepeatingCompletesIt() {
        wallet(true, true);
        gateway.stubFor(activationIn(HALF_UNLOCKED, true).atPriority(1).willReturn(aResponse().withStatus(503)));

        client().when().post("/customers/" + ID + "/unlock")
                .then().statusCode(502).contentType("application/problem+json")
                .body("code", Matchers.equalTo("UNLOCK_INCOMPLETE"))
                .body("customerId", Matchers.equalTo(ID))
                .body("customerStatus", Matchers.equalTo("DEACTIVATED"))
                .body("detail", containsString("it is DEACTIVATED now"))
                .body("detail", containsString("Repeat the unlock"));
        assertEquals(List.of("false", "true", "true"), activationsSent());
        assertEquals(HALF_UNLOCKED, walletAtGatewayNow());

        // The gateway recovers; the wallet is still deactivated and locked.
        gateway.resetRequests();
        gateway.removeStub(activationIn(HALF_UNLOCKED, true).atPriority(1).willReturn(aResponse().withStatus(503)));
        wallet(false, true);

        client().when().post("/customers/" + ID + "/unlock")
                .then().statusCode(200).body("outcome", Matchers.equalTo("UNLOCKED"))
                .body("customer.status", Matchers.equalTo("ACTIVE"));
        assertEquals(List.of("true"), activationsSent());
    }

    @Test
    void aRefusedDeactivationLeavesTheWalletUntouchedAndSaysSo() {
        wallet(true, true);
        gateway.stubFor(activationIn(LOCKED, false).atPriority(1).willReturn(json(failedAnswer("updateCustomerActivation"))));

        client().when().post("/customers/" + ID + "/unlock")
                .then().statusCode(502).body("code", Matchers.equalTo("GATEWAY_REJECTED"))
                .body("detail", containsString("The wallet was not changed."));

        assertEquals(List.of("false"), activationsSent());
        assertEquals(LOCKED, walletAtGatewayNow());
    }

    @ParameterizedTest
    @ValueSource(ints = { 500, 503 })
    void aFailingDeactivationIsAGatewayErrorThatMayStillBeAppliedNotAnIncompleteUnlock(int status) {
        wallet(true, true);
        gateway.stubFor(activationIn(LOCKED, false).atPriority(1).willReturn(aResponse().withStatus(status)));

        client().when().post("/customers/" + ID + "/unlock")
                .then().statusCode(503).body("code", Matchers.equalTo("GATEWAY_UNAVAILABLE"))
                .body("detail", containsString("may still be applied"));

        // The first attempt's effect was unknown, a lookup showed it had not landed, so it was sent once more.
        assertEquals(List.of("false", "false"), activationsSent());
        assertEquals(LOCKED, walletAtGatewayNow());
    }

    @Test
    void aDeactivationThatNeverAnswersIsATimeoutThatMayStillBeApplied() {
        wallet(true, true);
        gateway.stubFor(activationIn(LOCKED, false).atPriority(1).willReturn(json(ACTIVATION_SUCCESS).withFixedDelay(1_500)));

        client().when().post("/customers/" + ID + "/unlock")
                .then().statusCode(504).body("code", Matchers.equalTo("GATEWAY_TIMEOUT"))
                .body("detail", containsString("may still be applied"));

        assertEquals(List.of("false", "false"), activationsSent());
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
