package com.walletcare.bff.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.walletcare.bff.testing.GatewayTest;
import com.walletcare.bff.testing.RawHttp;
import com.walletcare.bff.testing.RawHttp.Answer;
import com.walletcare.bff.testing.TestLog;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Requests refused before any resource runs, sent byte for byte over a plain socket: each gets the contract's
 * problem with an X-Request-Id, nothing reaches the gateway, and no client mistake is logged as an error.
 */
@QuarkusTest
class HttpEdgeTest extends GatewayTest {

    /** The keys of an OpenAPI 3.0 path item that are operations. */
    private static final List<String> OPERATIONS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private static String request(String requestLine, String... headers) {
        return requestLine + "\r\nHost: localhost\r\nConnection: close\r\n" + String.join("", headers) + "\r\n";
    }

    private static String bearer() {
        return "Authorization: Bearer " + token("agent", Roles.AGENT) + "\r\n";
    }

    /** The answer is the contract's problem, with its own request id, and no error was logged for it. */
    private static JsonNode assertProblem(Answer answer, int status, String code) {
        assertEquals(status, answer.status(), answer.toString());
        assertEquals("application/problem+json", answer.header("Content-Type"));
        JsonNode problem = answer.json();
        assertEquals(code, problem.path("code").asText(), answer.body());
        assertEquals(status, problem.path("status").asInt());
        String requestId = answer.header("X-Request-Id");
        assertEquals(requestId, problem.path("requestId").asText());
        assertTrue(TestLog.records().stream().noneMatch(record -> "ERROR".equals(record.path("level").asText())
                && requestId.equals(record.path("mdc").path("requestId").asText())), "an ERROR was logged for " + requestId);
        return problem;
    }

    @ParameterizedTest
    @ValueSource(strings = { "/customers/%ZZ", "/customers/%", "/customers/a%2", "/customers/a\u0001b", "/customers/a\u007Fb",
            "/customers/\u00e9", "/customers/a\\b" })
    void aMalformedTargetIsAValidationProblem(String target) {
        Answer answer = RawHttp.send(request("GET " + target + " HTTP/1.1", bearer()));

        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertTrue(received(LOOKUP).isEmpty());
    }

    @Test
    void anEncodedPercentSignIsAnInvalidIdAndIsAuditedAsSent() {
        String requestId = "edge-" + UUID.randomUUID();
        Answer answer = RawHttp.send(request("POST /customers/%25/unlock HTTP/1.1", bearer(),
                "Content-Length: 0\r\n", "X-Request-Id: " + requestId + "\r\n"));

        JsonNode problem = assertProblem(answer, 400, "VALIDATION_FAILED");
        assertEquals("id", problem.path("violations").path(0).path("field").asText());
        Awaitility.await().until(() -> !TestLog.auditOf(requestId).isEmpty());
        JsonNode audit = TestLog.auditOf(requestId).get(0);
        assertEquals("UNLOCK", audit.path("action").asText());
        assertEquals("%25", audit.path("customerId").asText());
        assertEquals("VALIDATION_FAILED", audit.path("outcome").asText());
        assertTrue(received(LOOKUP).isEmpty());
    }

    @Test
    void aChangeReachedThroughEmptySegmentsIsAuditedAgainstItsCustomer() {
        String requestId = "edge-" + UUID.randomUUID();
        RawHttp.send(request("POST //customers//vmiTxZcaSEym//unlock HTTP/1.1", bearer(), "Content-Type: application/json\r\n",
                "Content-Length: 11\r\n", "X-Request-Id: " + requestId + "\r\n") + "{\"x\": true}");

        Awaitility.await().until(() -> !TestLog.auditOf(requestId).isEmpty());
        JsonNode audit = TestLog.auditOf(requestId).get(0);
        assertEquals("UNLOCK", audit.path("action").asText());
        assertEquals("vmiTxZcaSEym", audit.path("customerId").asText());
        assertEquals("VALIDATION_FAILED", audit.path("outcome").asText());
    }

    @Test
    void connectIsNotAProxyRequestThisServiceServes() {
        Answer answer = RawHttp.send("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\nConnection: close\r\n\r\n");

        assertProblem(answer, 400, "VALIDATION_FAILED");
    }

    @Test
    void aRequestWithoutHostIsAValidationProblem() {
        Answer answer = RawHttp.send("GET /customers/vmiTxZcaSEym HTTP/1.1\r\nConnection: close\r\n" + bearer() + "\r\n");

        JsonNode problem = assertProblem(answer, 400, "VALIDATION_FAILED");
        assertTrue(problem.path("detail").asText().contains("Host"));
    }

    @Test
    void aTenThousandCharacterIdIsAUriTooLong() {
        Answer answer = RawHttp.send(request("GET /customers/" + "a".repeat(10_000) + " HTTP/1.1", bearer()));

        assertProblem(answer, 414, "URI_TOO_LONG");
    }

    @Test
    void headersOverTheLimitAreTooLarge() {
        Answer answer = RawHttp.send(request("GET /customers/vmiTxZcaSEym HTTP/1.1", bearer(),
                "X-Padding: " + "a".repeat(HttpEdge.MAX_HEADERS_SIZE) + "\r\n"));

        assertProblem(answer, 431, "HEADERS_TOO_LARGE");
    }

    @Test
    void aChunkedBodyOverTheLimitIsTooLarge() {
        String chunk = "a".repeat(1000);
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            body.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        body.append("0\r\n\r\n");

        Answer answer = RawHttp.send(request("POST /customers/search HTTP/1.1", bearer(),
                "Content-Type: application/json\r\n", "Transfer-Encoding: chunked\r\n") + body);

        assertProblem(answer, 413, "PAYLOAD_TOO_LARGE");
        assertTrue(received(LOOKUP).isEmpty());
    }

    @Test
    void aChunkedBodyWithinTheLimitIsRead() {
        gateway.stubFor(lookupCall().willReturn(json(lookupAnswer())));
        String body = "{\"phone\": \"9991234444\"}";

        Answer answer = RawHttp.send(request("POST /customers/search HTTP/1.1", bearer(),
                "Content-Type: application/json\r\n", "Transfer-Encoding: chunked\r\n")
                + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n");

        assertEquals(200, answer.status(), answer.body());
        assertEquals(1, received(LOOKUP).size());
    }

    @Test
    void anUnlistedOriginGetsAProblemAndNoCorsHeaders() {
        Answer answer = RawHttp.send(request("GET /customers/vmiTxZcaSEym HTTP/1.1", bearer(),
                "Origin: https://evil.example.com\r\n"));

        assertProblem(answer, 403, "FORBIDDEN");
        assertTrue(answer.headers().keySet().stream().noneMatch(name -> name.startsWith("access-control-")),
                answer.headers().toString());
        assertTrue(received(LOOKUP).isEmpty());
    }

    @Test
    void theServicesOwnOriginMayCallIt() {
        gateway.stubFor(lookupCall().willReturn(json(lookupAnswer(record("vmiTxZcaSEym", true, false)))));

        Answer answer = RawHttp.send(request("GET /customers/vmiTxZcaSEym HTTP/1.1", bearer(), "Origin: http://localhost\r\n"));

        assertEquals(200, answer.status(), answer.body());
    }

    @Test
    void anUnlistedOriginsPreflightGetsAProblemAndNoCorsHeaders() {
        Answer answer = RawHttp.send(request("OPTIONS /customers/search HTTP/1.1", "Origin: https://evil.example.com\r\n",
                "Access-Control-Request-Method: POST\r\n"));

        assertProblem(answer, 403, "FORBIDDEN");
        assertTrue(answer.headers().keySet().stream().noneMatch(name -> name.startsWith("access-control-")));
    }

    @Test
    void aWrongMethodIsAnsweredWithThePathsAllowedMethods() {
        Answer get = RawHttp.send(request("GET /customers/x/unlock HTTP/1.1", bearer()));
        assertProblem(get, 405, "METHOD_NOT_ALLOWED");
        assertEquals("OPTIONS, POST", get.header("Allow"));
        Answer put = RawHttp.send(request("PUT /customers/vmiTxZcaSEym HTTP/1.1", bearer(), "Content-Length: 0\r\n"));
        assertProblem(put, 405, "METHOD_NOT_ALLOWED");
        assertEquals("GET, HEAD, OPTIONS", put.header("Allow"));
    }

    @Test
    void optionsListsThePathsOwnMethods() {
        assertEquals("OPTIONS, POST", RawHttp.send(request("OPTIONS /customers/x/unlock HTTP/1.1")).header("Allow"));
        assertEquals("GET, HEAD, OPTIONS", RawHttp.send(request("OPTIONS /customers/vmiTxZcaSEym HTTP/1.1")).header("Allow"));
        assertEquals("OPTIONS, POST", RawHttp.send(request("OPTIONS /customers/search HTTP/1.1")).header("Allow"));
        assertProblem(RawHttp.send(request("OPTIONS /nowhere HTTP/1.1")), 404, "NOT_FOUND");
    }

    /**
     * SmallRye reads every JAX-RS resource wherever its package, AllowedMethods only the application's: each path the
     * document lists (the simulator's Vert.x routes aside) answers OPTIONS with the methods the document gives it.
     */
    @Test
    void optionsAnswersEveryDocumentedPathWithItsDocumentedMethods() {
        JsonNode paths = RawHttp.send(request("GET /q/openapi HTTP/1.1", "Accept: application/json\r\n")).json().path("paths");
        List<String> checked = new ArrayList<>();
        paths.fields().forEachRemaining(path -> {
            if (path.getValue().findValues("tags").stream().anyMatch(tags -> tags.toString().contains(OpenApiFilter.SIMULATOR_TAG))) {
                return;
            }
            TreeSet<String> methods = new TreeSet<>(List.of("OPTIONS"));
            // A path item's keys are its operations, and may also be summary, description, servers or parameters.
            path.getValue().fieldNames().forEachRemaining(key -> {
                if (OPERATIONS.contains(key)) {
                    methods.add(key.toUpperCase(Locale.ROOT));
                }
            });
            if (methods.contains("GET")) {
                methods.add("HEAD");
            }
            String target = path.getKey().replace("{id}", "vmiTxZcaSEym");
            assertEquals(String.join(", ", methods), RawHttp.send(request("OPTIONS " + target + " HTTP/1.1")).header("Allow"), target);
            checked.add(path.getKey());
        });
        assertTrue(checked.containsAll(List.of("/customers/search", "/customers/{id}", "/customers/{id}/unlock")), checked.toString());
    }

    @Test
    void theSearchPathIsTheSearchAndNotACustomerCalledSearch() {
        Answer get = RawHttp.send(request("GET /customers/search HTTP/1.1", bearer()));

        assertProblem(get, 405, "METHOD_NOT_ALLOWED");
        assertEquals("OPTIONS, POST", get.header("Allow"));
        assertTrue(received(LOOKUP).isEmpty());
    }

    @Test
    void aPathWithDotSegmentsGetsTheAllowOfThePathItNamesOnceResolved() {
        Answer answer = RawHttp.send(request("POST /customers/x/activate/.. HTTP/1.1", bearer(), "Content-Length: 0\r\n"));

        assertProblem(answer, 405, "METHOD_NOT_ALLOWED");
        assertEquals("GET, HEAD, OPTIONS", answer.header("Allow"));
    }

    /** What Quarkus REST cannot parse made it throw: a 500 for any route, with or without credentials. */
    @ParameterizedTest
    @ValueSource(strings = { "garbage", ";;;", "application/", "/json", "a/b/c", "application/json, text/plain" })
    void aContentTypeThatIsNotAMediaTypeIsUnauthenticatedWithoutATokenAndUnsupportedWithOne(String contentType) {
        String header = "Content-Type: " + contentType + "\r\n";
        String body = "Content-Length: 23\r\n";
        for (String target : List.of("POST /customers/search", "POST /customers/vmiTxZcaSEym/unlock", "GET /customers/vmiTxZcaSEym")) {
            boolean post = target.startsWith("POST");
            String line = target + " HTTP/1.1";
            Answer anonymous = RawHttp.send(request(line, header, post ? body : "") + (post ? "{\"phone\": \"9991234444\"}" : ""));
            assertProblem(anonymous, 401, "UNAUTHENTICATED");
            Answer authenticated = RawHttp.send(request(line, bearer(), header, post ? body : "")
                    + (post ? "{\"phone\": \"9991234444\"}" : ""));
            assertProblem(authenticated, 415, "UNSUPPORTED_MEDIA_TYPE");
        }
        assertTrue(received(LOOKUP).isEmpty());
    }

    /** Accept is parsed by Quarkus REST too: what is not a media range must not cost a 500 either. */
    @ParameterizedTest
    @ValueSource(strings = { "garbage", ";;;", "application/", "a/b/c", "application/json;q=abc", "text/html" })
    void anAcceptHeaderThatIsNotAMediaRangeIsNeverAServerError(String accept) {
        gateway.stubFor(lookupCall().willReturn(json(lookupAnswer(record("vmiTxZcaSEym", true, false)))));
        Answer answer = RawHttp.send(request("GET /customers/vmiTxZcaSEym HTTP/1.1", bearer(), "Accept: " + accept + "\r\n"));

        assertTrue(answer.status() == 200 || answer.status() == 406, answer.status() + " " + answer.body());
        if (answer.status() == 406) {
            assertProblem(answer, 406, "NOT_ACCEPTABLE");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "application/json; charset=utf-16", "application/json; charset=bogus", "*/*", "text/plain",
            "application/*", "application/problem+json" })
    void aBodyThisServiceDoesNotReadAsJsonInUtf8IsUnsupported(String contentType) {
        Answer answer = RawHttp.send(request("POST /customers/search HTTP/1.1", bearer(), "Content-Type: " + contentType + "\r\n",
                "Content-Length: 23\r\n") + "{\"phone\": \"9991234444\"}");

        assertProblem(answer, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertTrue(received(LOOKUP).isEmpty());
    }

    /**
     * The router routes a path once normalised: empty segments dropped, dot segments removed, unreserved characters
     * decoded. Each of these is the search (below), so each is checked as the search is, not as a path of no resource.
     */
    @ParameterizedTest
    @ValueSource(strings = { "/customers/search", "//customers/search", "/customers//search", "///customers/search",
            "/customers/./search", "/customers/%73earch", "//customers//vmiTxZcaSEym//unlock" })
    void aPathTheRouterNormalisesGetsTheBodyChecksOfThePathItRoutesTo(String target) {
        String line = "POST " + target + " HTTP/1.1";
        String utf16 = "Content-Type: application/json; charset=utf-16\r\n";
        String body = "Content-Length: 23\r\n";

        assertProblem(RawHttp.send(request(line, utf16, body) + "{\"phone\": \"9991234444\"}"), 401, "UNAUTHENTICATED");
        assertProblem(RawHttp.send(request(line, bearer(), utf16, body) + "{\"phone\": \"9991234444\"}"), 415,
                "UNSUPPORTED_MEDIA_TYPE");
        assertTrue(received(LOOKUP).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = { "//customers/search", "/customers//search", "/customers/%73earch" })
    void aPathTheRouterNormalisesToTheSearchIsTheSearch(String target) {
        gateway.stubFor(lookupCall().willReturn(json(lookupAnswer())));

        Answer answer = RawHttp.send(request("POST " + target + " HTTP/1.1", bearer(), "Content-Type: application/json\r\n",
                "Content-Length: 23\r\n") + "{\"phone\": \"9991234444\"}");

        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.json().has("count"), answer.body());
        assertEquals("OPTIONS, POST", RawHttp.send(request("OPTIONS " + target + " HTTP/1.1")).header("Allow"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "application/json", "application/json; charset=utf-8", "Application/JSON; Charset=\"UTF-8\"" })
    void jsonInUtf8IsRead(String contentType) {
        gateway.stubFor(lookupCall().willReturn(json(lookupAnswer())));

        Answer answer = RawHttp.send(request("POST /customers/search HTTP/1.1", bearer(), "Content-Type: " + contentType + "\r\n",
                "Content-Length: 23\r\n") + "{\"phone\": \"9991234444\"}");

        assertEquals(200, answer.status(), answer.body());
    }

    /** A POST of {@code body} to {@code path}, labelled plain application/json, with {@code headers}. */
    private static byte[] post(String path, byte[] body, String... headers) {
        byte[] head = request("POST " + path + " HTTP/1.1", String.join("", headers), "Content-Type: application/json\r\n",
                "Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return request;
    }

    /** {@code json} in {@code encoding}: a charset name, with "+BOM" for a byte order mark before it. */
    private static byte[] encoded(String json, String encoding) {
        String text = (encoding.endsWith("+BOM") ? "\uFEFF" : "") + json;
        return text.getBytes(Charset.forName(encoding.replace("+BOM", "")));
    }

    /**
     * Jackson reads a body in whichever Unicode encoding its first bytes suggest, whatever its Content-Type says: each
     * of these was read, and searched for, before the body's encoding was checked as well as its label.
     */
    @ParameterizedTest
    @ValueSource(strings = { "UTF-16BE", "UTF-16BE+BOM", "UTF-16LE", "UTF-16LE+BOM", "UTF-32BE", "UTF-32BE+BOM", "UTF-32LE",
            "UTF-32LE+BOM" })
    void aBodyInAnotherUnicodeEncodingIsUnsupportedThoughLabelledPlainJson(String encoding) {
        gateway.stubFor(lookupCall().willReturn(json(lookupAnswer())));
        byte[] search = encoded("{\"phone\": \"9991234444\"}", encoding);
        byte[] change = encoded("{\"ticketId\": \"CS-1042\"}", encoding);

        assertProblem(RawHttp.send(post("/customers/search", search)), 401, "UNAUTHENTICATED");
        JsonNode problem = assertProblem(RawHttp.send(post("/customers/search", search, bearer())), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertEquals("This service reads JSON in UTF-8 only: encode the body in UTF-8.", problem.path("detail").asText());
        assertProblem(RawHttp.send(post("/customers/vmiTxZcaSEym/unlock", change, bearer())), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertTrue(received(LOOKUP).isEmpty());
        assertTrue(received(ACTIVATION).isEmpty());
    }

    /** Jackson's encoding detection throws on these first bytes (UCS-4 in byte order 3412 or 2143): that was a 500. */
    @ParameterizedTest
    @ValueSource(strings = { "007b0000007d0000", "00007b0000007d00" })
    void ucs4InAByteOrderJacksonDoesNotReadIsUnsupportedNotAServerError(String hex) {
        Answer answer = RawHttp.send(post("/customers/search", HexFormat.of().parseHex(hex), bearer()));

        assertProblem(answer, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertTrue(received(LOOKUP).isEmpty());
    }

    /**
     * RFC 8259 (8.1): a sender must not add a byte order mark, a reader may ignore one. This service ignores it: the body
     * is still JSON in UTF-8, and a client that sends one (some Windows tools do) keeps working.
     */
    @Test
    void aUtf8ByteOrderMarkIsIgnored() {
        gateway.stubFor(lookupCall().willReturn(json(lookupAnswer())));

        Answer answer = RawHttp.send(post("/customers/search", encoded("{\"phone\": \"9991234444\"}", "UTF-8+BOM"), bearer()));

        assertEquals(200, answer.status(), answer.body());
        assertEquals(1, received(LOOKUP).size());
        assertTrue(received(LOOKUP).get(0).getBodyAsString().contains("9991234444"), received(LOOKUP).get(0).getBodyAsString());
    }

    /** Bytes that are not UTF-8 (here ISO-8859-1's e acute) are not JSON this service can read: malformed JSON, a 400. */
    @Test
    void bytesThatAreNotUtf8AreMalformedJson() {
        Answer answer = RawHttp.send(post("/customers/search",
                "{\"firstName\": \"Ren\u00e9e\", \"lastName\": \"Moreno\"}".getBytes(StandardCharsets.ISO_8859_1), bearer()));

        JsonNode problem = assertProblem(answer, 400, "VALIDATION_FAILED");
        assertEquals("firstName", problem.path("violations").path(0).path("field").asText(), answer.body());
        assertEquals("Malformed JSON.", problem.path("violations").path(0).path("message").asText(), answer.body());
        assertTrue(received(LOOKUP).isEmpty());
    }

    @Test
    void aCompressedBodyIsUnsupported() {
        Answer answer = RawHttp.send(request("POST /customers/search HTTP/1.1", bearer(), "Content-Type: application/json\r\n",
                "Content-Encoding: gzip\r\n", "Content-Length: 23\r\n") + "{\"phone\": \"9991234444\"}");

        assertProblem(answer, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    /** Without a length and without chunks, the codec would wait for a body until the idle timeout (30 s). */
    @ParameterizedTest
    @ValueSource(strings = { "gzip", "gzip, chunked", "identity" })
    void aTransferCodingOtherThanChunkedIsRefusedAtOnce(String coding) {
        long start = System.nanoTime();
        Answer answer = RawHttp.send(request("POST /customers/vmiTxZcaSEym/unlock HTTP/1.1", bearer(),
                "Transfer-Encoding: " + coding + "\r\n"));

        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "answered only after the connection idled");
        assertTrue(received(LOOKUP).isEmpty());
    }

    @Test
    void aHundredKilobyteHeaderFieldIsAProblemToo() {
        Answer answer = RawHttp.send(request("GET /customers/vmiTxZcaSEym HTTP/1.1", bearer(),
                "X-Padding: " + "a".repeat(100_000) + "\r\n"));

        assertProblem(answer, 431, "HEADERS_TOO_LARGE");
    }

    /**
     * A control character inside a header value is refused by the HTTP codec itself, before any of this service's code:
     * its header validation also guards every response header, so it stays on. The answer is an empty 400, and the
     * connection is closed.
     */
    @Test
    void aControlCharacterInAHeaderNeverReachesTheService() {
        Answer answer = RawHttp.send(request("GET /customers/vmiTxZcaSEym HTTP/1.1", bearer(), "X-Note: a\rb\r\n"));

        assertEquals(400, answer.status());
        assertNull(answer.header("X-Request-Id"));
        assertTrue(received(LOOKUP).isEmpty());
    }

    @Test
    void noneOfTheseCostsTheServiceAnErrorLine() {
        List<String> errors = TestLog.records().stream().filter(record -> "ERROR".equals(record.path("level").asText()))
                .map(record -> record.path("message").asText()).filter(message -> message.contains("HTTP Request")).toList();
        assertTrue(errors.isEmpty(), errors.toString());
    }
}
