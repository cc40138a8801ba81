package com.walletcare.bff.telemetry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.walletcare.bff.simulator.GatewaySimulator;
import com.walletcare.bff.testing.GatewayTest;
import com.walletcare.bff.testing.TestLog;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The traces the service makes, read from an in-memory exporter: one unlock is one trace under the caller's
 * traceparent (server span, the change, each gateway call with its outcome, each journal statement), the traceparent
 * goes on to the gateway, log lines name the trace, and no span holds personal data.
 */
@QuarkusTest
class TracingTest extends GatewayTest {

    private static final String PAUL = "vmiTxZcaSEym";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    @Inject
    InMemorySpanExporter spans;

    @Inject
    GatewaySimulator simulator;

    @TestHTTPResource("/")
    URL self;

    /** A trace id of this test's own: spans of an earlier test's calls may still be ending. */
    private static String traceId() {
        return java.util.UUID.randomUUID().toString().replace("-", "");
    }

    @BeforeEach
    void noSpansYet() {
        spans.reset();
    }

    /** The spans of the trace, once its server span has ended (the last to end). */
    private List<SpanData> trace(String traceId) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                .anyMatch(s -> s.getTraceId().equals(traceId) && s.getKind() == SpanKind.SERVER));
        return spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }

    private static List<SpanData> named(List<SpanData> trace, Predicate<String> name) {
        return trace.stream().filter(s -> name.test(s.getName())).sorted((a, b) -> Long.compare(a.getStartEpochNanos(),
                b.getStartEpochNanos())).toList();
    }

    private static SpanData one(List<SpanData> trace, String name) {
        List<SpanData> found = named(trace, name::equals);
        assertEquals(1, found.size(), () -> name + " in " + names(trace));
        return found.get(0);
    }

    private static List<String> names(List<SpanData> trace) {
        return trace.stream().map(SpanData::getName).toList();
    }

    private static String attribute(SpanData span, String key) {
        Object value = span.getAttributes().get(AttributeKey.stringKey(key));
        return value == null ? String.valueOf(span.getAttributes().get(AttributeKey.booleanKey(key))) : value.toString();
    }

    @Test
    void anUnlockIsOneTraceUnderTheCallersTraceparentWithEveryGatewayCallAndJournalStatement() {
        String traceId = traceId();
        String traceparent = "00-" + traceId + "-" + CALLER_SPAN + "-01";
        walletAtGateway(PAUL, true, true);
        client().header("traceparent", traceparent).header("X-Request-Id", "trace-unlock-" + traceId)
                .when().post("/customers/" + PAUL + "/unlock").then().statusCode(200).body("outcome", equalTo("UNLOCKED"));

        List<SpanData> trace = trace(traceId);
        SpanData server = one(trace, "POST /customers/{id}/unlock");
        assertEquals(SpanKind.SERVER, server.getKind());
        assertEquals(CALLER_SPAN, server.getParentSpanId(), "the server span continues the caller's trace");

        SpanData change = one(trace, "care unlock");
        assertEquals(server.getSpanId(), change.getParentSpanId());
        assertEquals(Map.of("care.action", "UNLOCK", "care.outcome", "UNLOCKED", "care.customer_id", PAUL),
                Map.of("care.action", attribute(change, "care.action"), "care.outcome", attribute(change, "care.outcome"),
                        "care.customer_id", attribute(change, "care.customer_id")));

        // Lookup, deactivate, activate, confirming lookup: each under the change, each with its HTTP call under it. (A
        // lookup attempt that a loaded machine let time out is retried: a span of its own, outcome timeout.)
        List<SpanData> calls = named(trace, name -> name.startsWith("paydiant ")).stream()
                .filter(call -> !"timeout".equals(attribute(call, "paydiant.outcome"))).toList();
        assertEquals(List.of("paydiant lookup", "paydiant activation", "paydiant activation", "paydiant lookup"), names(calls),
                () -> calls.stream().map(c -> c.getAttributes() + " " + (c.getEndEpochNanos() - c.getStartEpochNanos()) / 1_000_000 + " ms").toList().toString());
        assertEquals(List.of("success", "success", "success", "success"), calls.stream().map(s -> attribute(s, "paydiant.outcome")).toList());
        List<SpanData> writes = named(trace, "paydiant activation"::equals);
        assertEquals(List.of("false", "true"), writes.stream().map(s -> attribute(s, "paydiant.activate")).toList());
        assertEquals(List.of("APPLIED", "APPLIED"), writes.stream().map(s -> attribute(s, "paydiant.write.effect")).toList());
        for (SpanData call : calls) {
            assertEquals(change.getSpanId(), call.getParentSpanId(), call.getName());
            List<SpanData> http = trace.stream().filter(s -> s.getKind() == SpanKind.CLIENT
                    && call.getSpanId().equals(s.getParentSpanId())).toList();
            assertEquals(1, http.size(), "one HTTP client span under " + call.getName());
        }

        // The journal: the intent (and lease), the status before, the lease proven before each write, the end: every
        // statement on wallet_change is under the change, as SQL with placeholders, never values.
        List<SpanData> journal = trace.stream().filter(s -> "postgres".equals(attribute(s, "db.system"))
                && s.getName().endsWith("wallet_change")).toList();
        List<String> statements = journal.stream().map(SpanData::getName).toList();
        assertTrue(statements.contains("INSERT wallet_change") && statements.contains("UPDATE wallet_change"), statements::toString);
        assertTrue(statements.size() >= 3, statements::toString);
        assertTrue(journal.stream().allMatch(s -> change.getSpanId().equals(s.getParentSpanId())), statements::toString);
        assertTrue(journal.stream().noneMatch(s -> attribute(s, "db.statement").contains(PAUL)), "a value in a statement");

        // The traceparent reached the gateway: this trace, and the id of the HTTP span that made each call.
        List<String> sent = received(LOOKUP).stream().map(r -> r.getHeader("traceparent")).toList();
        List<String> httpSpans = trace.stream().filter(s -> s.getKind() == SpanKind.CLIENT && s.getName().contains("/lookup"))
                .map(s -> "00-" + traceId + "-" + s.getSpanId() + "-01").toList();
        assertTrue(sent.size() >= 2, sent::toString);
        assertTrue(httpSpans.containsAll(sent), () -> sent + " sent, spans " + httpSpans);
        assertTrue(received(ACTIVATION).stream().allMatch(r -> r.getHeader("traceparent").startsWith("00-" + traceId + "-")));

        // Log lines name the trace, next to the request id (here the audit record, written as the answer leaves).
        List<JsonNode> lines = TestLog.records().stream()
                .filter(r -> ("trace-unlock-" + traceId).equals(r.path("mdc").path("requestId").asText())).toList();
        assertTrue(!lines.isEmpty(), "the request logged nothing");
        assertTrue(lines.stream().allMatch(r -> traceId.equals(r.path("mdc").path("traceId").asText())
                && r.path("mdc").path("spanId").asText().matches("[0-9a-f]{16}")), lines::toString);
    }

    @Test
    void writesWhoseEffectIsUnknownOrRefusedSaySo() {
        String first = traceId();
        walletAtGateway(PAUL, true, false);
        gateway.stubFor(activationCall().atPriority(1).willReturn(aResponse().withStatus(500)));
        client().header("traceparent", "00-" + first + "-" + CALLER_SPAN + "-01").when().post("/customers/" + PAUL + "/deactivate");
        List<SpanData> unknown = named(trace(first), "paydiant activation"::equals);
        assertEquals("UNKNOWN", attribute(unknown.get(0), "paydiant.write.effect"));
        assertEquals("unavailable", attribute(unknown.get(0), "paydiant.outcome"));

        spans.reset();
        gateway.stubFor(activationCall().atPriority(1).willReturn(json(failedAnswer("updateCustomerActivation"))));
        String other = traceId();
        client().header("traceparent", "00-" + other + "-" + CALLER_SPAN + "-01").when().post("/customers/" + PAUL + "/deactivate")
                .then().statusCode(502);
        SpanData refused = named(trace(other), "paydiant activation"::equals).get(0);
        assertEquals("NOT_APPLIED", attribute(refused, "paydiant.write.effect"));
        assertEquals("rejected", attribute(refused, "paydiant.outcome"));
        assertEquals("GATEWAY_REJECTED", attribute(one(trace(other), "care deactivate"), "care.outcome"));
    }

    @Test
    void aBrowserFrontEndMaySendItsTraceparent() {
        RestAssured.given().header("Origin", "https://portal.example.com").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,traceparent,tracestate")
                .when().options("/customers/search")
                .then().header("Access-Control-Allow-Origin", "https://portal.example.com")
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("traceparent"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("tracestate"));
    }

    /** What callers tell and the gateway holds, as in simulator.LogPrivacyTest. The customer id is allowed. */
    private static final List<String> PERSONAL = List.of("9991234444", "123-4444", "pauls_wallet@yahoo.com",
            "olivia_wallet_user", "Paul", "Casey", "Olivia", "07101969", "07/10/1969", "1969", "92651", "Graceland",
            "Laguna", "test-partner-token", "Basic ", "Bearer ", "eyJ");

    @Test
    void noSpanHoldsPersonalDataOrATokenThroughSearchesVerificationAndAnUnlock() {
        simulator.reset();
        gateway.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(self.toString().replaceAll("/$", ""))));

        client().body("{\"phone\": \"(999) 123-4444\"}").when().post("/customers/search").then().statusCode(200);
        client().body("{\"email\": \"pauls_wallet@yahoo.com\"}").when().post("/customers/search").then().statusCode(200);
        client().body("{\"firstName\": \"Paul\", \"lastName\": \"Casey\"}").when().post("/customers/search").then().statusCode(200);
        client().body("{\"phone\": 9991234444 ").when().post("/customers/search").then().statusCode(400);
        client().body("{\"birthday\": \"07/10/1969\", \"zip\": \"92651\"}").when()
                .post("/customers/" + PAUL + "/verification").then().statusCode(200).body("verified", equalTo(true));
        client().body("{\"birthday\": \"1969-07-11\", \"zip\": \"92651\"}").when()
                .post("/customers/" + PAUL + "/verification").then().statusCode(200).body("verified", equalTo(false));
        client().when().post("/customers/" + PAUL + "/unlock").then().statusCode(200);
        client().when().post("/customers/" + PAUL + "/history").then().statusCode(405);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> s.getKind() == SpanKind.SERVER && s.getName().startsWith("POST /customers")).count() >= 7);
        List<String> leaks = new ArrayList<>();
        for (SpanData span : spans.getFinishedSpanItems()) {
            String everything = span.getName() + " " + span.getAttributes() + " " + span.getStatus() + " "
                    + span.getEvents().stream().map(e -> e.getName() + e.getAttributes()).collect(Collectors.joining(" "));
            PERSONAL.stream().filter(everything::contains).forEach(found -> leaks.add(found + " in " + everything));
        }
        assertEquals(List.of(), leaks);
        assertTrue(spans.getFinishedSpanItems().stream().anyMatch(s -> s.getName().equals("paydiant lookup")), "spans were read");
    }
}
