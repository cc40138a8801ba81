package com.walletcare.bff.api;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.walletcare.bff.testing.GatewayTest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** Bearer tokens are verified once and then remembered — but never one that failed, nor past its exp or max-age. */
@QuarkusTest
class VerifiedTokenCacheTest extends GatewayTest {

    private static final String CERTS = "/auth/realms/quarkus/protocol/openid-connect/certs";

    @Inject
    VerifiedTokenCache cache;

    @OidcWireMock
    WireMockServer identityProvider;

    @ConfigProperty(name = "token-cache.max-age")
    Duration maxAge;

    @BeforeEach
    void aGatewayThatFindsNobody() {
        gateway.stubFor(lookupCall().willReturn(json(lookupAnswer())));
    }

    private static JwtClaimsBuilder agentClaims() {
        return Jwt.preferredUserName("agent").subject("agent").groups(Set.of(Roles.AGENT))
                .issuer("https://server.example.com").audience(AUDIENCE);
    }

    private static int search(String token) {
        return anonymous().auth().oauth2(token).body("{\"phone\": \"9991234444\"}").when().post("/customers/search")
                .then().extract().statusCode();
    }

    private static KeyPair rsaKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    @Test
    void aVerifiedTokenIsRememberedAndARefusedOneIsNot() throws Exception {
        String good = agentClaims().jws().keyId("1").sign("privateKey.jwk");
        String forged = agentClaims().jws().keyId("1").sign(rsaKeyPair().getPrivate());
        String forAnotherService = agentClaims().audience("another-service").jws().keyId("1").sign("privateKey.jwk");

        assertEquals(200, search(good));
        assertTrue(cache.holds(good));
        for (String refused : new String[] { forged, forAnotherService }) {
            assertEquals(401, search(refused));
            assertEquals(401, search(refused), "a refused token is verified, and refused, again");
            assertFalse(cache.holds(refused));
        }
    }

    @Test
    void aReSignedOrTamperedTokenIsNotAnsweredFromTheCache() throws Exception {
        String good = agentClaims().jws().keyId("1").sign("privateKey.jwk");
        assertEquals(200, search(good));
        String signed = good.substring(0, good.lastIndexOf('.'));
        String resigned = agentClaims().jws().keyId("1").sign(rsaKeyPair().getPrivate());
        char[] flipped = good.toCharArray();
        flipped[flipped.length - 5] = flipped[flipped.length - 5] == 'A' ? 'B' : 'A';

        for (String other : new String[] { signed + "." + resigned.substring(resigned.lastIndexOf('.') + 1),
                signed + ".", new String(flipped) }) {
            assertEquals(401, search(other), other);
        }
        assertEquals(200, search(good), "the genuine token is still accepted");
    }

    @Test
    void anExpiredTokenIsNotAnsweredFromTheCache() throws Exception {
        long exp;
        String shortLived;
        int status;
        do { // a token that lives 2-3 s, accepted before it expires (a busy machine may need a second try)
            exp = Instant.now().getEpochSecond() + 3;
            shortLived = agentClaims().expiresAt(exp).jws().keyId("1").sign("privateKey.jwk");
            status = search(shortLived);
        } while (status == 401 && !Instant.now().isBefore(Instant.ofEpochSecond(exp)));
        assertEquals(200, status);
        assertTrue(cache.holds(shortLived) || !Instant.now().isBefore(Instant.ofEpochSecond(exp)), "remembered until exp");

        sleepUntil(Instant.ofEpochSecond(exp).plusMillis(100)); // before max-age (test profile: 5 s) runs out
        assertFalse(cache.holds(shortLived));
        // Verified afresh: within quarkus.oidc.token.lifespan-grace it is still accepted, and never remembered again.
        search(shortLived);
        assertFalse(cache.holds(shortLived));
    }

    @Test
    void aTokenOfAKeyTheIdentityProviderWithdrewIsRefusedOnceItsEntryIsMaxAgeOld() throws Exception {
        String keySet = identityProvider.getStubMappings().stream()
                .filter(m -> CERTS.equals(m.getRequest().getUrl())).findFirst().orElseThrow()
                .getResponse().getBody();
        KeyPair rotating = rsaKeyPair();
        try {
            identityProvider.stubFor(get(urlEqualTo(CERTS)).willReturn(okJson(
                    keySet.replaceFirst("\"keys\"\\s*:\\s*\\[", "\"keys\": [" + jwk("rotating", rotating) + ","))));
            String token = agentClaims().jws().keyId("rotating").sign(rotating.getPrivate());
            assertEquals(200, search(token)); // unknown kid: the OIDC extension fetched the key set again
            Instant verified = Instant.now();
            assertTrue(cache.holds(token));

            // The identity provider withdraws the key; a token with a kid it never had makes the service re-read
            // the key set (the test profile allows that once a second).
            identityProvider.stubFor(get(urlEqualTo(CERTS)).willReturn(okJson(keySet)));
            sleepUntil(Instant.now().plusMillis(1100));
            assertEquals(401, search(agentClaims().jws().keyId("unknown").sign(rsaKeyPair().getPrivate())));

            sleepUntil(verified.plus(maxAge).plusMillis(100));
            assertFalse(cache.holds(token));
            assertEquals(401, search(token));
        } finally {
            identityProvider.stubFor(get(urlEqualTo(CERTS)).willReturn(okJson(keySet)));
        }
    }

    private static String jwk(String kid, KeyPair keyPair) {
        RSAPublicKey key = (RSAPublicKey) keyPair.getPublic();
        return "{\"kid\":\"%s\",\"kty\":\"RSA\",\"alg\":\"RS256\",\"n\":\"%s\",\"e\":\"%s\"}"
                .formatted(kid, base64Url(key.getModulus()), base64Url(key.getPublicExponent()));
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes[0] == 0) { // the sign byte is not part of the JWK value
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void sleepUntil(Instant instant) throws InterruptedException {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
