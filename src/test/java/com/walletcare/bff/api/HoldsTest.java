package com.walletcare.bff.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.walletcare.bff.customer.WalletState;
import com.walletcare.bff.testing.EmbeddedDatabase;
import com.walletcare.bff.testing.GatewayTest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Changes made on purpose stay made: a deactivation places a hold that every screen shows; unlock never re-activates a
 * wallet deactivated on purpose; a fraud hold is lifted by a supervisor only, on the record; and a change from a stale
 * screen (If-Match) is refused with the wallet as it is. Refusals send nothing to the gateway.
 */
@QuarkusTest
class HoldsTest extends GatewayTest {

    private static final String ID = "vmiTxZcaSEym";
    private static final WalletState DEACTIVATED = new WalletState(false, false);
    private static final WalletState HALF_UNLOCKED = new WalletState(false, true);
    private static final WalletState ACTIVE = new WalletState(true, false);

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String database;

    private static ValidatableResponse change(String role, String action, String body) {
        return as(role).body(body).when().post("/customers/" + ID + "/" + action).then();
    }

    private static ValidatableResponse get() {
        return client().when().get("/customers/" + ID).then().statusCode(200);
    }

    private static final String FRAUD = "{\"reason\": \"SUSPECTED_FRAUD\", \"ticketId\": \"FR-77\"}";

    @Test
    void aDeactivationPlacesAHoldThatSearchGetAndTheAnswerShowAlikeWithOneVersionAndETag() {
        walletAtGateway(ID, true, true);

        ValidatableResponse answer = change(Roles.AGENT, "deactivate", FRAUD).statusCode(200)
                .body("outcome", equalTo("DEACTIVATED"))
                .body("customer.hold.reason", equalTo("SUSPECTED_FRAUD")).body("customer.hold.ticketId", equalTo("FR-77"))
                .body("customer.hold.agent", equalTo("care-agent-user")).body("customer.hold.since", notNullValue())
                .body("customer.availableActions", equalTo(List.of("ACTIVATE")));
        String version = answer.extract().path("customer.version");

        answer.header("ETag", "\"" + version + "\"");
        get().header("ETag", "\"" + version + "\"").body("version", equalTo(version))
                .body("hold.ticketId", equalTo("FR-77"));
        client().body("{\"customerId\": \"" + ID + "\"}").when().post("/customers/search").then().statusCode(200)
                .body("customers[0].version", equalTo(version)).body("customers[0].hold.agent", equalTo("care-agent-user"));
    }

    @Test
    void anActiveWalletShowsNoHoldAndTheVersionChangesWithEveryKindOfChange() {
        walletAtGateway(ID, true, true);
        String locked = get().body("hold", nullValue()).extract().path("version");

        String unlocked = change(Roles.AGENT, "unlock", "").statusCode(200).extract().path("customer.version");
        String deactivated = change(Roles.AGENT, "deactivate", "{\"reason\": \"LOST_DEVICE\"}").statusCode(200)
                .extract().path("customer.version");
        String upgraded = change(Roles.AGENT, "deactivate", FRAUD).statusCode(200)
                .body("outcome", equalTo("ALREADY_DEACTIVATED")).body("customer.hold.reason", equalTo("SUSPECTED_FRAUD"))
                .extract().path("customer.version");
        String kept = change(Roles.AGENT, "deactivate", "{\"reason\": \"CUSTOMER_REQUEST\"}").statusCode(200)
                .body("customer.hold.reason", equalTo("SUSPECTED_FRAUD")).extract().path("customer.version");
        String activated = change(Roles.SUPERVISOR, "activate", "{\"reason\": \"CUSTOMER_REQUEST\", \"ticketId\": \"FR-77\"}")
                .statusCode(200).body("customer.hold", nullValue()).extract().path("customer.version");

        assertEquals(4, List.of(locked, unlocked, deactivated, upgraded).stream().distinct().count());
        assertEquals(upgraded, kept, "a deactivation that changes nothing keeps the version");
        assertEquals(unlocked, activated, "the same wallet, shown the same, has the same version");
    }

    @Test
    void unlockLeavesAWalletDeactivatedOnPurposeAndAnswersWithItsHold() {
        walletAtGateway(ID, true, true);
        change(Roles.AGENT, "deactivate", FRAUD).statusCode(200);
        int writes = activationsSent().size();

        change(Roles.AGENT, "unlock", "").statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("CUSTOMER_DEACTIVATED"))
                .body("detail", containsString("use activate"))
                .body("customer.status", equalTo("DEACTIVATED"))
                .body("customer.hold.reason", equalTo("SUSPECTED_FRAUD"))
                .body("customer.availableActions", equalTo(List.of("ACTIVATE")));

        assertEquals(writes, activationsSent().size(), "no gateway write");
        assertEquals(HALF_UNLOCKED, walletAtGatewayNow());
    }

    @Test
    void unlockOfADeactivatedWalletWithNoHistoryHereIsRefusedToo() {
        walletAtGateway(ID, false, true);

        change(Roles.AGENT, "unlock", "").statusCode(409).body("code", equalTo("CUSTOMER_DEACTIVATED"))
                .body("customer.hold", nullValue());
        get().body("availableActions", equalTo(List.of("ACTIVATE")));
        assertEquals(List.of(), activationsSent());
    }

    /** What an earlier process (or another replica's recovery) left in the journal: an unlock that did not finish. */
    private void unfinishedUnlockInTheJournal(String outcome, String completedBy) {
        EmbeddedDatabase.execute(database, """
                INSERT INTO wallet_change (id, customer_id, action, agent, request_id, status_before, status_after,
                                           outcome, completed_by, finished_at)
                VALUES ('01KBN6Z3Q8R2V5X7Y9A1C3E5G7', '%s', 'UNLOCK', 'agent.alice', 'earlier', 'LOCKED', 'DEACTIVATED',
                        '%s', '%s', now())""".formatted(ID, outcome, completedBy));
    }

    @Test
    void anUnlockThatStoppedHalfWayBeforeARestartIsOfferedAndFinished() {
        walletAtGateway(ID, false, true);
        unfinishedUnlockInTheJournal("UNLOCK_INCOMPLETE", "REQUEST");

        get().body("availableActions", equalTo(List.of("UNLOCK", "ACTIVATE")));
        change(Roles.AGENT, "unlock", "").statusCode(200).body("outcome", equalTo("UNLOCKED"));

        assertEquals(ACTIVE, walletAtGatewayNow());
        assertEquals(List.of("true"), activationsSent());
    }

    @Test
    void anUnlockThatAnotherReplicasRecoveryFoundInterruptedIsFinished() {
        walletAtGateway(ID, false, true);
        unfinishedUnlockInTheJournal("INTERRUPTED", "RECOVERY");

        change(Roles.AGENT, "unlock", "").statusCode(200).body("outcome", equalTo("UNLOCKED"));
        assertEquals(ACTIVE, walletAtGatewayNow());
    }

    @Test
    void onlyASupervisorLiftsAFraudHoldWithAReasonAndATicketOnTheRecord() {
        walletAtGateway(ID, true, false);
        change(Roles.AGENT, "deactivate", FRAUD).statusCode(200);
        int writes = activationsSent().size();

        change(Roles.AGENT, "activate", "{\"reason\": \"CUSTOMER_REQUEST\", \"ticketId\": \"FR-77\"}").statusCode(403)
                .body("code", equalTo("SUPERVISOR_REQUIRED"));
        change(Roles.SUPERVISOR, "activate", "{\"ticketId\": \"FR-77\"}").statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("violations[0].field", equalTo("reason"));
        change(Roles.SUPERVISOR, "activate", "").statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        assertEquals(writes, activationsSent().size(), "no gateway write for a refusal");
        assertEquals(DEACTIVATED, walletAtGatewayNow());

        change(Roles.SUPERVISOR, "activate", "{\"reason\": \"CUSTOMER_REQUEST\", \"ticketId\": \"FR-78\"}").statusCode(200)
                .body("outcome", equalTo("ACTIVATED")).body("customer.hold", nullValue());

        client().when().get("/customers/" + ID + "/history").then().statusCode(200)
                .body("actions[0].action", equalTo("ACTIVATE")).body("actions[0].outcome", equalTo("ACTIVATED"))
                .body("actions[0].agent", equalTo("care-supervisor-user"))
                .body("actions[0].reason", equalTo("CUSTOMER_REQUEST")).body("actions[0].ticketId", equalTo("FR-78"))
                .body("actions[1].outcome", equalTo("VALIDATION_FAILED"))
                .body("actions[3].outcome", equalTo("SUPERVISOR_REQUIRED"));
    }

    @Test
    void anAgentActivatesAWalletUnderAnyOtherHold() {
        walletAtGateway(ID, true, false);
        change(Roles.AGENT, "deactivate", "{\"reason\": \"LOST_DEVICE\"}").statusCode(200);

        change(Roles.AGENT, "activate", "").statusCode(200).body("outcome", equalTo("ACTIVATED"))
                .body("customer.hold", nullValue());
        change(Roles.AGENT, "deactivate", "").statusCode(200).body("customer.hold.reason", nullValue())
                .body("customer.hold.agent", equalTo("care-agent-user"));
    }

    @Test
    void aChangeFromAStaleScreenIsRefusedWith412AndTheWalletAsItIs() {
        walletAtGateway(ID, true, false);
        String shown = get().extract().path("version");
        change(Roles.AGENT, "deactivate", "").statusCode(200);
        int writes = activationsSent().size();

        as(Roles.AGENT).header("If-Match", "\"" + shown + "\"").when().post("/customers/" + ID + "/activate").then()
                .statusCode(412).contentType("application/problem+json").body("code", equalTo("PRECONDITION_FAILED"))
                .body("customer.status", equalTo("DEACTIVATED")).body("customer.hold.agent", equalTo("care-agent-user"));
        assertEquals(writes, activationsSent().size(), "no gateway write");

        String now = get().extract().path("version");
        assertNotEquals(shown, now);
        as(Roles.AGENT).header("If-Match", "\"other\", \"" + now + "\"").when().post("/customers/" + ID + "/activate")
                .then().statusCode(200).body("outcome", equalTo("ACTIVATED"));
        as(Roles.AGENT).header("If-Match", "*").when().post("/customers/" + ID + "/deactivate").then().statusCode(200);
        as(Roles.AGENT).header("If-Match", "W/\"" + get().extract().path("version") + "\"").when()
                .post("/customers/" + ID + "/activate").then().statusCode(412);
        as(Roles.AGENT).header("If-Match", "not-a-tag").when().post("/customers/" + ID + "/activate").then()
                .statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void aSupervisorMayDoWhatAnAgentMay() {
        walletAtGateway(ID, true, true);

        as(Roles.SUPERVISOR).when().get("/customers/" + ID).then().statusCode(200);
        change(Roles.SUPERVISOR, "unlock", "").statusCode(200).body("outcome", equalTo("UNLOCKED"));
        change(Roles.VIEWER, "deactivate", "").statusCode(403).body("code", equalTo("FORBIDDEN"));
    }
}
