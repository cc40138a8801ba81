package com.walletcare.bff.journal;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.walletcare.bff.testing.GatewayTest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/** No datasource configured, as in `./mvnw quarkus:dev`: the journal runs in memory, history included. */
@QuarkusTest
@TestProfile(JournalWithoutDatabaseTest.NoDatabase.class)
class JournalWithoutDatabaseTest extends GatewayTest {

    public static class NoDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.reactive.url", "", "quarkus.datasource.jdbc.url", "");
        }
    }

    private static final String ID = "vmiTxZcaSEym";

    @Test
    void changesAreJournaledInMemoryAndTheHistoryShowsThem() {
        walletAtGateway(ID, true, true);

        client().body("{\"reason\": \"FAILED_LOGINS\"}").when().post("/customers/" + ID + "/unlock").then().statusCode(200);

        client().when().get("/customers/" + ID + "/history").then().statusCode(200)
                .body("actions[0].outcome", equalTo("UNLOCKED"))
                .body("actions[0].reason", equalTo("FAILED_LOGINS"))
                .body("actions[0].statusBefore", equalTo("LOCKED"))
                .body("actions[0].completedBy", equalTo("REQUEST"));
    }

    @Test
    void verificationsAreInTheMemoryHistoryToo() {
        walletAtGateway(ID, true, true);

        client().body("{\"birthday\": \"07/10/1969\", \"zip\": \"92651\"}").when()
                .post("/customers/" + ID + "/verification").then().statusCode(200);

        client().when().get("/customers/" + ID + "/history").then().statusCode(200)
                .body("actions[0].action", equalTo("VERIFY"))
                .body("actions[0].outcome", equalTo("VERIFIED"))
                .body("actions[0].matched", contains("birthday", "zip"))
                .body("actions[0].finishedAt", notNullValue());
    }

    @Test
    void readinessSaysTheJournalIsInMemory() {
        RestAssured.when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'care-journal' }.data.kind", equalTo("memory"))
                .body("checks.name", hasItem("care-journal"));
    }
}
