package com.walletcare.bff.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.walletcare.bff.customer.WalletState;
import com.walletcare.bff.testing.GatewayTest;
import com.walletcare.bff.testing.TestLog;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

@QuarkusTest
class SecurityTest extends GatewayTest {

    private static final String ID = "vmiTxZcaSEym";

    private static JwtClaimsBuilder agentClaims() {
        return claimsWithoutAudience().audience(AUDIENCE);
    }

    private static JwtClaimsBuilder claimsWithoutAudience() {
        return Jwt.preferredUserName("mallory").subject("mallory").groups(Set.of(Roles.AGENT))
                .issuer("https://server.example.com");
    }

    private static String signedByTheIdentityProvider(JwtClaimsBuilder claims) {
        return claims.jws().keyId("1").sign("privateKey.jwk");
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static List<String> badTokens() throws Exception {
        var otherKey = KeyPairGenerator.getInstance("RSA");
        otherKey.initialize(2048);
        long now = Instant.now().getEpochSecond();
        return List.of(
                "garbage",
                "a.b.c",
                signedByTheIdentityProvider(agentClaims().issuedAt(now - 7200).expiresAt(now - 3600)),
                signedByTheIdentityProvider(agentClaims().issuer("https://another-issuer.example.com")),
                agentClaims().jws().keyId("1").sign(otherKey.generateKeyPair().getPrivate()),
                base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64Url(
                        "{\"iss\":\"https://server.example.com\",\"sub\":\"mallory\",\"groups\":[\"care-agent\"],\"exp\":"
                                + (now + 3600) + "}") + ".");
    }

    @Test
    void noTokenIsUnauthenticated() {
        anonymous().body("{\"phone\": \"9991234444\"}").when().post("/customers/search")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("code", equalTo("UNAUTHENTICATED"));
        anonymous().when().post("/customers/" + ID + "/unlock").then().statusCode(401);
        assertTrue(received(LOOKUP).isEmpty());
    }

    @Test
    void garbageExpiredForeignUnsignedAndWronglySignedTokensAreUnauthenticated() throws Exception {
        for (String token : badTokens()) {
            anonymous().auth().oauth2(token).when().post("/customers/" + ID + "/unlock")
                    .then().statusCode(401).contentType("application/problem+json")
                    .body("code", equalTo("UNAUTHENTICATED"));
        }
        assertTrue(received(LOOKUP).isEmpty(), "nothing reached the gateway");
    }

    @Test
    void aWellSignedTokenFromTheIdentityProviderIsAccepted() {
        gateway.stubFor(lookupCall().willReturn(json(lookupAnswer())));

        anonymous().auth().oauth2(signedByTheIdentityProvider(agentClaims()))
                .body("{\"phone\": \"9991234444\"}").when().post("/customers/search").then().statusCode(200);
    }

    // QUARKUS_OIDC_TOKEN_AUDIENCE is unset in the test profile, as in a deployment that does not name it.

    @Test
    void aTokenIssuedForAnotherClientOfTheIdentityProviderIsUnauthenticated() {
        search(signedByTheIdentityProvider(agentClaims().audience("portal-public"))).then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
        assertTrue(received(LOOKUP).isEmpty());
    }

    @Test
    void aTokenWithoutAudienceIsUnauthenticated() {
        search(signedByTheIdentityProvider(claimsWithoutAudience())).then().statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
        assertTrue(received(LOOKUP).isEmpty());
    }

    @Test
    void aTokenWhoseAudienceNamesTheClientIdIsAccepted() {
        gateway.stubFor(lookupCall().willReturn(json(lookupAnswer())));

        search(signedByTheIdentityProvider(agentClaims())).then().statusCode(200);
        search(signedByTheIdentityProvider(agentClaims().audience(Set.of("portal-public", AUDIENCE)))).then().statusCode(200);
    }

    private static Response search(String token) {
        return anonymous().auth().oauth2(token).body("{\"phone\": \"9991234444\"}").when().post("/customers/search");
    }

    @Test
    void aViewerMaySearchAndReadButNotChangeWallets() {
        gateway.stubFor(lookupCall().willReturn(json(lookupAnswer(record(ID, true, true)))));

        as(Roles.VIEWER).body("{\"phone\": \"9991234444\"}").when().post("/customers/search").then().statusCode(200);
        as(Roles.VIEWER).when().get("/customers/" + ID).then().statusCode(200);
        for (String action : List.of("unlock", "activate", "deactivate")) {
            as(Roles.VIEWER).when().post("/customers/" + ID + "/" + action)
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("code", equalTo("FORBIDDEN"));
        }
        assertTrue(received(ACTIVATION).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = { "care-support", "admin" })
    void otherRolesGetNothing(String role) {
        as(role).body("{\"phone\": \"9991234444\"}").when().post("/customers/search")
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void anAgentMayDoEverything() {
        gateway.stubFor(lookupCall().willReturn(json(lookupAnswer(record(ID, true, false)))));
        gateway.stubFor(activationCall().willReturn(json(ACTIVATION_SUCCESS)));

        as(Roles.AGENT).body("{\"phone\": \"9991234444\"}").when().post("/customers/search").then().statusCode(200);
        as(Roles.AGENT).when().get("/customers/" + ID).then().statusCode(200);
        as(Roles.AGENT).when().post("/customers/" + ID + "/unlock").then().statusCode(200);
        as(Roles.AGENT).when().post("/customers/" + ID + "/activate").then().statusCode(200);
        as(Roles.AGENT).when().post("/customers/" + ID + "/deactivate").then().statusCode(200);
    }

    @Test
    void healthAndTheApiDocumentNeedNoToken() {
        RestAssured.when().get("/q/health/live").then().statusCode(200);
        RestAssured.when().get("/q/health/ready").then().statusCode(200);
        RestAssured.when().get("/q/openapi").then().statusCode(200);
        RestAssured.when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void everyWalletChangeIsAuditedWithActorOutcomeAndRequestId() {
        String okId = "audit-ok-" + UUID.randomUUID();
        String deniedId = "audit-denied-" + UUID.randomUUID();
        gateway.stubFor(lookupCall().willReturn(json(lookupAnswer(record(ID, true, false)))));

        as(Roles.AGENT).header("X-Request-Id", okId).when().post("/customers/" + ID + "/unlock")
                .then().statusCode(200);
        as(Roles.VIEWER).header("X-Request-Id", deniedId).when().post("/customers/" + ID + "/deactivate")
                .then().statusCode(403);

        JsonNode ok = awaitAudit(okId);
        assertEquals("care-agent-user", ok.path("actor").asText());
        assertEquals("UNLOCK", ok.path("action").asText());
        assertEquals(ID, ok.path("customerId").asText());
        assertEquals(200, ok.path("status").asInt());
        assertEquals("ALREADY_UNLOCKED", ok.path("outcome").asText());
        assertTrue(Instant.parse(ok.path("at").asText()).isAfter(Instant.now().minusSeconds(60)));

        JsonNode denied = awaitAudit(deniedId);
        assertEquals("care-viewer-user", denied.path("actor").asText());
        assertEquals("DEACTIVATE", denied.path("action").asText());
        assertEquals(403, denied.path("status").asInt());
        assertEquals("FORBIDDEN", denied.path("outcome").asText());
    }

    @Test
    void aFailedUnlockIsAuditedWithItsErrorCode() {
        String failedId = "audit-failed-" + UUID.randomUUID();
        walletAtGateway(ID, true, true);
        gateway.stubFor(activationIn(new WalletState(false, true), true).atPriority(1).willReturn(WireMock.serverError()));

        as(Roles.AGENT).header("X-Request-Id", failedId).when().post("/customers/" + ID + "/unlock")
                .then().statusCode(502).body("code", equalTo("UNLOCK_INCOMPLETE"));

        JsonNode failed = awaitAudit(failedId);
        assertEquals("UNLOCK_INCOMPLETE", failed.path("outcome").asText());
        assertEquals(502, failed.path("status").asInt());
        assertEquals(ID, failed.path("customerId").asText());
    }

    private static JsonNode awaitAudit(String requestId) {
        Awaitility.await().until(() -> !TestLog.auditOf(requestId).isEmpty());
        List<JsonNode> records = TestLog.auditOf(requestId);
        assertEquals(1, records.size(), "one audit record per request: " + records);
        return records.get(0);
    }

    @Test
    void corsIsAllowedOnlyForConfiguredOrigins() {
        RestAssured.given().header("Origin", "https://portal.example.com")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .when().options("/customers/search")
                .then().header("Access-Control-Allow-Origin", "https://portal.example.com");
        RestAssured.given().header("Origin", "https://evil.example.com")
                .header("Access-Control-Request-Method", "POST")
                .when().options("/customers/search")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() {
        client().body("{\"phone\": \"" + "9".repeat(20_000) + "\"}").when().post("/customers/search")
                .then().statusCode(413).contentType("application/problem+json")
                .body("code", equalTo("PAYLOAD_TOO_LARGE"));
        assertTrue(received(LOOKUP).isEmpty());
    }

    @Test
    void aTokenFromAnIdentityProviderWhoseClockIsAFewSecondsAheadIsAcceptedButOneFromFarAheadIsNot() {
        walletAtGateway(ID, true, false);
        long now = Instant.now().getEpochSecond();
        String slightlyAhead = signedByTheIdentityProvider(agentClaims().issuedAt(now + 20).claim("nbf", now + 20)
                .expiresAt(now + 320));
        String farAhead = signedByTheIdentityProvider(agentClaims().issuedAt(now + 300).claim("nbf", now + 300)
                .expiresAt(now + 600));
        String justExpired = signedByTheIdentityProvider(agentClaims().issuedAt(now - 320).expiresAt(now - 20));

        anonymous().auth().oauth2(slightlyAhead).when().get("/customers/" + ID).then().statusCode(200);
        anonymous().auth().oauth2(justExpired).when().get("/customers/" + ID).then().statusCode(200);
        anonymous().auth().oauth2(farAhead).when().get("/customers/" + ID).then().statusCode(401);
    }
}
