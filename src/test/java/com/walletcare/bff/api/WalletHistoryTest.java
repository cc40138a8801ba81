package com.walletcare.bff.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.walletcare.bff.customer.WalletState;
import com.walletcare.bff.testing.GatewayTest;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Reasons and tickets on changes, and the wallet's history as the API shows it (on PostgreSQL here). */
@QuarkusTest
class WalletHistoryTest extends GatewayTest {

    private static final String ID = "vmiTxZcaSEym";

    @TestHTTPResource("/")
    URL self;

    @Test
    void anUnlockIsInTheHistoryWithWhoWhyAndTheStatusBeforeAndAfter() {
        walletAtGateway(ID, true, true);

        client().header("X-Request-Id", "history-1").body("{\"reason\": \"FAILED_LOGINS\", \"ticketId\": \"CS-1042\"}")
                .when().post("/customers/" + ID + "/unlock").then().statusCode(200);

        String history = client().when().get("/customers/" + ID + "/history")
                .then().statusCode(200)
                .body("customerId", equalTo(ID))
                .body("actions", hasSize(1))
                .body("actions[0].action", equalTo("UNLOCK"))
                .body("actions[0].outcome", equalTo("UNLOCKED"))
                .body("actions[0].agent", equalTo("care-agent-user"))
                .body("actions[0].reason", equalTo("FAILED_LOGINS"))
                .body("actions[0].ticketId", equalTo("CS-1042"))
                .body("actions[0].requestId", equalTo("history-1"))
                .body("actions[0].statusBefore", equalTo("LOCKED"))
                .body("actions[0].statusAfter", equalTo("ACTIVE"))
                .body("actions[0].completedBy", equalTo("REQUEST"))
                .body("actions[0].requestedAt", notNullValue())
                .body("actions[0].finishedAt", notNullValue())
                .body("next", nullValue())
                .extract().asString();
        for (String personal : new String[] { "Paul", "Casey", "9991234444", "pauls_wallet", "Graceland", "07101969" }) {
            assertTrue(!history.contains(personal), "the history holds no personal data: " + personal);
        }
    }

    @Test
    void aChangeThatFailedIsInTheHistoryWithItsProblemCode() {
        walletAtGateway(ID, true, true);
        gateway.stubFor(activationIn(new WalletState(false, true), true).atPriority(1).willReturn(aResponse().withStatus(503)));

        client().when().post("/customers/" + ID + "/unlock").then().statusCode(502);

        client().when().get("/customers/" + ID + "/history").then().statusCode(200)
                .body("actions[0].outcome", equalTo("UNLOCK_INCOMPLETE"))
                .body("actions[0].statusAfter", equalTo("DEACTIVATED"));
    }

    @Test
    void theHistoryPagesNewestFirstAndAViewerMayReadIt() {
        walletAtGateway(ID, true, false);
        client().when().post("/customers/" + ID + "/deactivate").then().statusCode(200);
        client().when().post("/customers/" + ID + "/activate").then().statusCode(200);
        client().when().post("/customers/" + ID + "/deactivate").then().statusCode(200);

        String next = as(Roles.VIEWER).when().get("/customers/" + ID + "/history?limit=2").then().statusCode(200)
                .body("actions.action", contains("DEACTIVATE", "ACTIVATE")).body("next", notNullValue())
                .extract().path("next");
        as(Roles.VIEWER).queryParam("before", next).queryParam("limit", 2).when().get("/customers/" + ID + "/history")
                .then().statusCode(200).body("actions.action", contains("DEACTIVATE")).body("next", nullValue());
    }

    @ParameterizedTest
    @ValueSource(strings = { "limit=0", "limit=101", "limit=ten", "before=not-a-cursor" })
    void badPagingIsRefused(String query) {
        client().when().get("/customers/" + ID + "/history?" + query).then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void theHistoryNeedsAnAuthenticatedUser() {
        anonymous().when().get("/customers/" + ID + "/history").then().statusCode(401);
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"reason\": \"BORED\"}", "{\"ticketId\": \"CS 1042\"}", "{\"ticketId\": \"\"}",
            "{\"reason\": \"FAILED_LOGINS\", \"note\": \"x\"}" })
    void aBadReasonOrTicketIsRefusedBeforeTheGatewayIsCalled(String body) {
        walletAtGateway(ID, true, true);

        client().body(body).when().post("/customers/" + ID + "/unlock").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));

        assertEquals(0, gateway.getAllServeEvents().size());
        client().when().get("/customers/" + ID + "/history").then().body("actions", hasSize(0));
    }

    @Test
    void aChangeWithoutABodyOrContentTypeStaysValid() throws Exception {
        walletAtGateway(ID, true, true);
        // As curl -X POST sends it: no body, no Content-Type (REST Assured would add one).
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(self.toURI().resolve("/customers/" + ID + "/unlock"))
                .header("Authorization", "Bearer " + token("care-agent-user", Roles.AGENT))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, answer.statusCode(), answer.body());
        client().when().get("/customers/" + ID + "/history").then()
                .body("actions[0].outcome", equalTo("UNLOCKED"))
                .body("actions[0].reason", nullValue()).body("actions[0].ticketId", nullValue());
    }
}
