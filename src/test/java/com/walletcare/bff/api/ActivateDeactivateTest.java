package com.walletcare.bff.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.walletcare.bff.testing.ExpectedErrorLog;
import com.walletcare.bff.testing.GatewayTest;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ActivateDeactivateTest extends GatewayTest {

    private static final String ID = "vmiTxZcaSEym";

    /** Lookup answers {@code before} until an activation succeeds, {@code after} from then on. */
    private void wallet(boolean active, boolean locked, boolean activeAfter, boolean lockedAfter) {
        gateway.stubFor(lookupCall().inScenario("wallet").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(lookupAnswer(record(ID, active, locked)))));
        gateway.stubFor(lookupCall().inScenario("wallet").whenScenarioStateIs("changed")
                .willReturn(json(lookupAnswer(record(ID, activeAfter, lockedAfter)))));
        gateway.stubFor(activationCall().inScenario("wallet").willReturn(json(ACTIVATION_SUCCESS)).willSetStateTo("changed"));
    }

    @ParameterizedTest(name = "{0} on active={1} locked={2} -> {5}")
    @CsvSource({
            "activate,   false, false, true,  false, ACTIVATED,           ACTIVE,      true",
            "activate,   false, true,  true,  false, ACTIVATED,           ACTIVE,      true",
            "activate,   true,  false, true,  false, ALREADY_ACTIVE,      ACTIVE,      ",
            "activate,   true,  true,  true,  true,  ALREADY_ACTIVE,      LOCKED,      ",
            "deactivate, true,  false, false, false, DEACTIVATED,         DEACTIVATED, false",
            "deactivate, true,  true,  false, true,  DEACTIVATED,         DEACTIVATED, false",
            "deactivate, false, false, false, false, ALREADY_DEACTIVATED, DEACTIVATED, " })
    void outcomes(String action, boolean active, boolean locked, boolean activeAfter, boolean lockedAfter,
            String outcome, String status, String sent) {
        wallet(active, locked, activeAfter, lockedAfter);

        client().when().post("/customers/" + ID + "/" + action)
                .then().statusCode(200).body("outcome", equalTo(outcome)).body("customer.status", equalTo(status));

        assertEquals(sent == null ? List.of() : List.of(sent), activationsSent());
    }

    @Test
    void aFailedConfirmingLookupStillAnswersWithTheStateTheChangeProduced() {
        gateway.stubFor(lookupCall().inScenario("wallet").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(lookupAnswer(record(ID, false, false)))));
        gateway.stubFor(lookupCall().inScenario("wallet").whenScenarioStateIs("changed")
                .willReturn(aResponse().withStatus(500)));
        gateway.stubFor(activationCall().inScenario("wallet").willReturn(json(ACTIVATION_SUCCESS)).willSetStateTo("changed"));

        client().when().post("/customers/" + ID + "/activate")
                .then().statusCode(200).body("outcome", equalTo("ACTIVATED")).body("customer.status", equalTo("ACTIVE"));
    }

    @Test
    @ExtendWith(ExpectedErrorLog.class)
    void aRefusedActivationSaysTheWalletWasNotChanged() {
        gateway.stubFor(lookupCall().willReturn(json(lookupAnswer(record(ID, false, false)))));
        gateway.stubFor(activationCall().willReturn(aResponse().withStatus(401)));

        client().when().post("/customers/" + ID + "/activate")
                .then().statusCode(502).body("code", equalTo("GATEWAY_AUTH_FAILED"))
                .body("detail", containsString("The wallet was not changed."));

        assertEquals(1, received(ACTIVATION).size());
    }

    @Test
    void anActivationAnsweredWithMalformedJsonIsRejected() {
        gateway.stubFor(lookupCall().willReturn(json(lookupAnswer(record(ID, true, false)))));
        gateway.stubFor(activationCall().willReturn(json("{\"updateCustomerActivationResponse\": {\"status\": ")));

        client().when().post("/customers/" + ID + "/deactivate")
                .then().statusCode(502).body("code", equalTo("GATEWAY_REJECTED"));
    }

    @Test
    void anOpenActivationCircuitSendsNothingAndSaysTheWalletWasNotChanged() {
        gateway.stubFor(lookupCall().willReturn(json(lookupAnswer(record(ID, true, false)))));
        gateway.stubFor(activationCall().willReturn(aResponse().withStatus(500)));
        // Each failed deactivation is a write, a lookup that finds the wallet unchanged, and one more write: three
        // requests reach the test breaker's volume of six failures.
        for (int i = 0; i < 3; i++) {
            client().when().post("/customers/" + ID + "/deactivate").then().statusCode(503)
                    .body("detail", containsString("may still be applied"));
        }
        int sent = received(ACTIVATION).size();
        assertEquals(6, sent);

        client().when().post("/customers/" + ID + "/deactivate")
                .then().statusCode(503).header("Retry-After", equalTo("2"))
                .body("detail", containsString("The wallet was not changed."));

        assertEquals(sent, received(ACTIVATION).size());
        assertTrue(received(LOOKUP).size() >= 3, "lookups have their own circuit");
    }
}
