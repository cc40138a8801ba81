package com.walletcare.bff.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.walletcare.bff.testing.EmbeddedDatabase;
import com.walletcare.bff.testing.GatewayTest;
import com.walletcare.bff.testing.RawHttp;
import com.walletcare.bff.testing.TestLog;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** What operators see: metrics after real calls, and readiness that reports the gateway's circuits. */
@QuarkusTest
class ObservabilityTest extends GatewayTest {

    private static final String ID = "vmiTxZcaSEym";

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String journalUrl;

    @Test
    void gatewayCallsRetriesAndWalletActionsAreCounted() {
        gateway.stubFor(lookupCall().willReturn(json(lookupAnswer(record(ID, true, true)))));
        gateway.stubFor(activationCall().willReturn(json(ACTIVATION_SUCCESS)));
        client().when().post("/customers/" + ID + "/unlock").then().statusCode(200);
        gateway.stubFor(lookupCall().willReturn(aResponse().withStatus(503)));
        client().body("{\"phone\": \"9991234444\"}").when().post("/customers/search").then().statusCode(503);

        RestAssured.when().get("/q/metrics").then().statusCode(200)
                .body(matchesPattern("(?s).*gateway_calls_seconds_count\\{[^}]*operation=\"lookup\"[^}]*outcome=\"success\"[^}]*} [1-9].*"))
                .body(matchesPattern("(?s).*gateway_calls_seconds_count\\{[^}]*operation=\"activation\"[^}]*outcome=\"success\"[^}]*} [1-9].*"))
                .body(matchesPattern("(?s).*gateway_calls_seconds_count\\{[^}]*operation=\"lookup\"[^}]*outcome=\"unavailable\"[^}]*} [1-9].*"))
                .body(matchesPattern("(?s).*wallet_actions_total\\{[^}]*action=\"UNLOCK\"[^}]*outcome=\"UNLOCKED\"[^}]*} [1-9].*"))
                .body(matchesPattern("(?s).*ft_retry_retries_total\\{[^}]*method=\"com.walletcare.bff.gateway.PaydiantGateway.lookup\"[^}]*} [1-9].*"))
                .body(containsString("ft_circuitbreaker_state_total"));
    }

    /** A path carries customer ids and whatever a caller typed: the uri tag is the route's template, or a fixed word. */
    @Test
    void requestMetricsAreTaggedByRouteTemplateNeverByRawPath() {
        String typed = "zz" + UUID.randomUUID().toString().replace("-", "");
        gateway.stubFor(lookupCall().willReturn(json(lookupAnswer())));
        RestAssured.given().when().options("/customers/" + typed + "/unlock").then().statusCode(204);
        RestAssured.given().when().options("/customers/" + typed).then().statusCode(204);
        client().when().get("/customers/" + typed + "/unlock").then().statusCode(405);
        client().when().get("/customers/search").then().statusCode(405);
        client().contentType("text/plain").body("x").when().post("/customers/" + typed + "/verification").then().statusCode(415);
        RestAssured.given().when().post("/customers/" + typed + "/deactivate").then().statusCode(401);
        client().when().get("/customers/" + typed).then().statusCode(404);
        client().when().get("/customers/" + typed + "/nothing/here").then().statusCode(404);
        client().when().get("/" + typed).then().statusCode(404);
        client().when().get("/customers/" + typed + "%ZZ").then().statusCode(400);
        RawHttp.send("CONNECT " + typed + ".example.com:443 HTTP/1.1\r\nHost: " + typed + ".example.com:443\r\n"
                + "Connection: close\r\n\r\n");

        String metrics = RestAssured.when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertFalse(metrics.contains(typed), "a raw path in the metrics");
        Matcher uri = Pattern.compile("http_server_requests_seconds_count\\{[^}]*uri=\"([^\"]*)\"").matcher(metrics);
        Set<String> uris = new TreeSet<>();
        while (uri.find()) {
            uris.add(uri.group(1));
        }
        assertTrue(uris.containsAll(Set.of("/customers/{id}/unlock", "/customers/{id}", "/customers/search",
                "/customers/{id}/verification", "/customers/{id}/deactivate")), uris.toString());
        uris.forEach(tag -> assertTrue(tag.matches("/customers(/search|/\\{id}(/[a-z]+)?)|NOT_FOUND|UNKNOWN|root|/q/.*|/b2b-gateway/.*"),
                "uri tag " + tag));
    }

    @Test
    void aChangeARefusedChangeAndAVerificationAreMeasuredWithBoundedTags() {
        walletAtGateway(ID, true, true);
        client().when().post("/customers/" + ID + "/unlock").then().statusCode(200);
        walletAtGateway(ID, false, false);
        client().when().post("/customers/" + ID + "/unlock").then().statusCode(409).body("code", equalTo("CUSTOMER_DEACTIVATED"));
        client().body("{\"zip\": \"92651\", \"birthday\": \"07/10/1969\"}").when()
                .post("/customers/" + ID + "/verification").then().statusCode(200);

        String metrics = RestAssured.when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertSeries(metrics, "care_change_seconds_count", "action=\"UNLOCK\",outcome=\"UNLOCKED\"");
        assertSeries(metrics, "care_change_seconds_count", "action=\"UNLOCK\",outcome=\"CUSTOMER_DEACTIVATED\"");
        assertSeries(metrics, "care_lease_wait_seconds_count", "result=\"held\"");
        assertSeries(metrics, "wallet_actions_total", "action=\"VERIFY\",outcome=\"VERIFIED\"");
        assertTrue(metrics.contains("care_journal_available{kind=\"postgresql\"} 1.0"), "the journal is available");
        // Bounded tags: never a customer id or an agent.
        assertEquals(List.of(), metrics.lines().filter(line -> line.contains(ID)).toList(), "a customer id in a metric");
        assertFalse(metrics.contains("agent-user"), "an agent in a metric");
    }

    @Test
    void aChangeThatFindsTheWalletHeldUntilItGivesUpIsCountedAsChangeInProgress() throws Exception {
        // Another replica, alive and renewing, holds Paul's wallet for a minute.
        try (Connection connection = DriverManager.getConnection(journalUrl, EmbeddedDatabase.USER, EmbeddedDatabase.USER);
                Statement insert = connection.createStatement()) {
            insert.executeUpdate("INSERT INTO wallet_change (id, customer_id, action, agent, request_id, holder, lease_until)"
                    + " VALUES ('01HOLDHOLDHOLDHOLDHOLDHOLD', '" + ID + "', 'DEACTIVATE', 'agent.bob', 'elsewhere',"
                    + " 'other-replica', now() + interval '1 minute')");
        }
        client().when().post("/customers/" + ID + "/unlock").then().statusCode(409).body("code", equalTo("CHANGE_IN_PROGRESS"));

        String metrics = RestAssured.when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertSeries(metrics, "care_lease_wait_seconds_count", "result=\"change_in_progress\"");
        assertSeries(metrics, "care_change_seconds_count", "action=\"UNLOCK\",outcome=\"CHANGE_IN_PROGRESS\"");
        assertEquals(0, received(LOOKUP).size(), "the gateway was not asked");
    }

    /** A series with these labels (in Prometheus' order, first) and a count of at least 1. */
    private static void assertSeries(String metrics, String name, String labels) {
        assertTrue(Pattern.compile("(?m)^" + name + "\\{" + Pattern.quote(labels) + "[^}]*} [1-9]").matcher(metrics).find(),
                () -> "no " + name + "{" + labels + "} >= 1 in\n" + metrics.lines().filter(l -> l.startsWith(name)).toList());
    }

    @Test
    void aBreakerLogsOneWarningWhenItOpensAndOneInfoWhenItClosesAgain() {
        int before = TestLog.lines().size();
        gateway.stubFor(lookupCall().willReturn(aResponse().withStatus(500)));
        for (int i = 0; i < 6; i++) { // opens after the 6 attempts of the first two; the rest fail fast
            client().body("{\"phone\": \"9991234444\"}").when().post("/customers/search").then().statusCode(503);
        }
        gateway.stubFor(lookupCall().willReturn(json(lookupAnswer())));
        // %test: the breaker lets a trial call through after 2 s; its success closes it.
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> client()
                .body("{\"phone\": \"9991234444\"}").when().post("/customers/search").statusCode() == 200);

        List<JsonNode> logged = TestLog.recordsAfter(before);
        assertEquals(1, count(logged, "WARN", "Circuit breaker paydiant-lookup opened"), logged.toString());
        assertEquals(1, count(logged, "INFO", "Circuit breaker paydiant-lookup closed again"), logged.toString());
    }

    private static long count(List<JsonNode> records, String level, String messageStart) {
        return records.stream().filter(r -> level.equals(r.path("level").asText())
                && r.path("message").asText().startsWith(messageStart)).count();
    }

    @Test
    void readinessReportsTheCircuitsAndStaysUpWhenOneIsOpen() {
        RestAssured.when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'paydiant-gateway' }.data.'paydiant-lookup'", equalTo("CLOSED"));

        gateway.stubFor(lookupCall().willReturn(aResponse().withStatus(500)));
        for (int i = 0; i < 3; i++) {
            client().body("{\"phone\": \"9991234444\"}").when().post("/customers/search").then().statusCode(503);
        }

        RestAssured.when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'paydiant-gateway' }.data.'paydiant-lookup'", equalTo("OPEN"));
        RestAssured.when().get("/q/health/live").then().statusCode(200);
    }
}
