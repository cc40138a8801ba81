package com.walletcare.bff.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.github.tomakehurst.wiremock.http.Fault;
import com.walletcare.bff.customer.WalletState;
import com.walletcare.bff.testing.ExpectedErrorLog;
import com.walletcare.bff.testing.GatewayTest;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The contract's guarantees on wallet changes, against a gateway that is slow, garbles answers or applies a change and
 * then loses the answer. Every case checks the gateway's final state once all delayed answers have been sent, not
 * only the status code. WireMock applies a change when it matches the request, so a delayed answer is a change that
 * landed at once and was reported late; the test profile's activation read timeout is 1 s.
 */
@QuarkusTest
class WalletChangeGuaranteesTest extends GatewayTest {

    private static final String ID = "vmiTxZcaSEym";
    private static final WalletState ACTIVE = new WalletState(true, false);
    private static final WalletState LOCKED = new WalletState(true, true);
    private static final WalletState HALF_UNLOCKED = new WalletState(false, true);
    private static final WalletState DEACTIVATED = new WalletState(false, false);

    @Test
    void aSlowDeactivationIsWaitedForNotRacedSoTheUnlockEndsActive() {
        walletAtGateway(ID, true, true);
        gateway.stubFor(appliedIn(LOCKED, false).atPriority(1).willReturn(json(ACTIVATION_SUCCESS).withFixedDelay(700)));

        client().when().post("/customers/" + ID + "/unlock")
                .then().statusCode(200).body("outcome", Matchers.equalTo("UNLOCKED"))
                .body("customer.status", Matchers.equalTo("ACTIVE"));

        awaitDelayedAnswers(700);
        assertEquals(ACTIVE, walletAtGatewayNow());
        assertEquals(List.of("false", "true"), activationsSent());
    }

    @Test
    void aDeactivationAnsweredTooLateIsLookedUpAndNeverSentAgainOnceItLanded() {
        walletAtGateway(ID, true, true);
        gateway.stubFor(appliedIn(LOCKED, false).atPriority(1).willReturn(json(ACTIVATION_SUCCESS).withFixedDelay(1_500)));

        client().when().post("/customers/" + ID + "/unlock")
                .then().statusCode(200).body("outcome", Matchers.equalTo("UNLOCKED"))
                .body("customer.status", Matchers.equalTo("ACTIVE"));

        awaitDelayedAnswers(1_500);
        assertEquals(ACTIVE, walletAtGatewayNow());
        assertEquals(List.of("false", "true"), activationsSent());
    }

    @Test
    void aSlowActivationHasLandedBeforeItIsReportedSoALaterDeactivationStands() {
        walletAtGateway(ID, false, false);
        gateway.stubFor(appliedIn(DEACTIVATED, true).atPriority(1).willReturn(json(ACTIVATION_SUCCESS).withFixedDelay(700)));

        client().when().post("/customers/" + ID + "/activate")
                .then().statusCode(200).body("outcome", Matchers.equalTo("ACTIVATED"))
                .body("customer.status", Matchers.equalTo("ACTIVE"));
        client().when().post("/customers/" + ID + "/deactivate")
                .then().statusCode(200).body("outcome", Matchers.equalTo("DEACTIVATED"))
                .body("customer.status", Matchers.equalTo("DEACTIVATED"));

        awaitDelayedAnswers(700);
        assertEquals(DEACTIVATED, walletAtGatewayNow());
        assertEquals(List.of("true", "false"), activationsSent());
    }

    @Test
    void aGarbledAnswerThatWasAppliedAfterASlowAttemptIsReportedAsTheChangeItWas() {
        walletAtGateway(ID, true, false);
        // Request "garbled": lookup -1, first write -2 (slow, not applied), lookup -3, second write -4 (applied, garbled).
        gateway.stubFor(activationIn(ACTIVE, false).atPriority(1).withRequestBody(messageId("garbled-2"))
                .willReturn(json(ACTIVATION_SUCCESS).withFixedDelay(1_500)));
        gateway.stubFor(appliedIn(ACTIVE, false).atPriority(1).withRequestBody(messageId("garbled-4"))
                .willReturn(json("{\"updateCustomerActivationResponse\": {\"status\": ")));

        client().header("X-Request-Id", "garbled").when().post("/customers/" + ID + "/deactivate")
                .then().statusCode(200).body("outcome", Matchers.equalTo("DEACTIVATED"))
                .body("customer.status", Matchers.equalTo("DEACTIVATED"));

        awaitDelayedAnswers(1_500);
        assertEquals(DEACTIVATED, walletAtGatewayNow());
    }

    @Test
    void aGarbledAnswerIsNeverReportedAsAWalletLeftUnchanged() {
        walletAtGateway(ID, true, false);
        gateway.stubFor(activationIn(ACTIVE, false).atPriority(1).withRequestBody(messageId("garbled-2"))
                .willReturn(json(ACTIVATION_SUCCESS).withFixedDelay(1_500)));
        gateway.stubFor(activationIn(ACTIVE, false).atPriority(1).withRequestBody(messageId("garbled-4"))
                .willReturn(json("{\"updateCustomerActivationResponse\": {\"status\": ")));

        client().header("X-Request-Id", "garbled").when().post("/customers/" + ID + "/deactivate")
                .then().statusCode(502).body("code", Matchers.equalTo("GATEWAY_REJECTED"))
                .body("detail", containsString("may still be applied"))
                .body("detail", not(containsString("not changed")));

        awaitDelayedAnswers(1_500);
        assertEquals(ACTIVE, walletAtGatewayNow());
        assertEquals(List.of("false", "false"), activationsSent());
    }

    @Test
    @ExtendWith(ExpectedErrorLog.class)
    void anActivationAppliedThenLostCompletesTheUnlockInsteadOfReportingItIncomplete() {
        walletAtGateway(ID, true, true);
        gateway.stubFor(appliedIn(HALF_UNLOCKED, true).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        client().when().post("/customers/" + ID + "/unlock")
                .then().statusCode(200).body("outcome", Matchers.equalTo("UNLOCKED"))
                .body("customer.status", Matchers.equalTo("ACTIVE"));

        assertEquals(ACTIVE, walletAtGatewayNow());
        assertEquals(List.of("false", "true"), activationsSent());
    }

    @Test
    @ExtendWith(ExpectedErrorLog.class)
    void anIncompleteUnlockReportsTheStatusTheGatewayHoldsAfterTheFailure() {
        walletAtGateway(ID, true, true);
        gateway.stubFor(activationIn(HALF_UNLOCKED, true).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        client().when().post("/customers/" + ID + "/unlock")
                .then().statusCode(502).body("code", Matchers.equalTo("UNLOCK_INCOMPLETE"))
                .body("customerStatus", Matchers.equalTo("DEACTIVATED"))
                .body("detail", containsString("may still be applied"));

        assertEquals(HALF_UNLOCKED, walletAtGatewayNow());
    }

    private static com.github.tomakehurst.wiremock.matching.ContentPattern<?> messageId(String id) {
        return matchingJsonPath("$.updateCustomerActivationRequest.messageHeader.messageId", equalTo(id));
    }
}
