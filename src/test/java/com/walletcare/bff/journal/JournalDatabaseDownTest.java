package com.walletcare.bff.journal;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.walletcare.bff.testing.GatewayTest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * The journal's database is configured but down (nothing listens on its port): searches and reads keep working,
 * changes are refused before the gateway is called, and readiness says so while staying UP.
 */
@QuarkusTest
@TestProfile(JournalDatabaseDownTest.DatabaseDown.class)
class JournalDatabaseDownTest extends GatewayTest {

    public static class DatabaseDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // No JDBC URL: nothing to migrate at start, as when the database went down after it.
            return Map.of("quarkus.datasource.reactive.url", "postgresql://localhost:1/care", "quarkus.datasource.jdbc.url", "");
        }
    }

    private static final String ID = "vmiTxZcaSEym";

    @Test
    void aChangeIsRefusedWithRetryAfterAndTheGatewayIsNotCalled() {
        walletAtGateway(ID, true, true);

        client().when().post("/customers/" + ID + "/unlock").then().statusCode(503)
                .body("code", equalTo("JOURNAL_UNAVAILABLE"))
                .header("Retry-After", equalTo("2"));

        assertEquals(0, gateway.getAllServeEvents().size());
    }

    @Test
    void searchesAndReadsKeepWorking() {
        walletAtGateway(ID, true, true);

        client().when().get("/customers/" + ID).then().statusCode(200).body("status", equalTo("LOCKED"));
        client().body("{\"customerId\": \"" + ID + "\"}").when().post("/customers/search").then().statusCode(200);
    }

    @Test
    void readinessStaysUpAndSaysTheJournalCannotBeReached() {
        RestAssured.when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'care-journal' }.data.kind", equalTo("postgresql"))
                .body("checks.find { it.name == 'care-journal' }.data.reachable", equalTo(false));
    }
}
