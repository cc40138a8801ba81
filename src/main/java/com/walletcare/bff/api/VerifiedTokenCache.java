package com.walletcare.bff.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Verifies a bearer token once rather than on every request, as Envoy's {@code jwt_authn} does with its
 * {@code jwt_cache_config}: verification (jose4j parsing the token several times and checking its RSA signature) was
 * a quarter of the CPU of a search.
 *
 * <p>Only what the OIDC extension accepted is remembered — signature, issuer, audience, expiry and roles all checked
 * by it — keyed by the SHA-256 of the whole token, so a token that differs in any byte (re-signed, tampered) is
 * verified afresh. An entry lives until the token's {@code exp}, and at most {@code token-cache.max-age} (60 s), so
 * that a key withdrawn from the identity provider's key set stops being honoured within a minute. A refused token is
 * never remembered and is verified again each time. At most {@code token-cache.max-size} tokens are kept.
 *
 * <p>Two roles in one bean, both ranked first: as an identity provider it answers a known token before the OIDC
 * extension's provider is asked (and declines otherwise); as an augmentor it sees the identity that provider built,
 * before any other augmentor, and remembers it. A remembered identity gets the current request's routing context, so
 * nothing of an earlier request is handed on.
 */
@ApplicationScoped
public class VerifiedTokenCache implements IdentityProvider<TokenAuthenticationRequest>, SecurityIdentityAugmentor {

    private static final String KEY = VerifiedTokenCache.class.getName() + ".key";
    private static final String FROM_CACHE = VerifiedTokenCache.class.getName() + ".hit";

    private final Duration maxAge;
    private final InstantSource clock;
    private final Cache<String, Entry> entries;

    private record Entry(SecurityIdentity identity, Duration lifetime) {
    }

    VerifiedTokenCache(@ConfigProperty(name = "token-cache.max-age") Duration maxAge,
            @ConfigProperty(name = "token-cache.max-size") long maxSize, InstantSource clock) {
        this.maxAge = maxAge;
        this.clock = clock;
        // Upkeep on the calling thread: no pool threads of its own, and a size of 0 really remembers nothing.
        this.entries = Caffeine.newBuilder().maximumSize(maxSize).executor(Runnable::run)
                .expireAfter(Expiry.creating((String key, Entry entry) -> entry.lifetime())).build();
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!(request.getToken() instanceof AccessTokenCredential token)) {
            return Uni.createFrom().nullItem();
        }
        String key = sha256(token.getToken());
        request.setAttribute(KEY, key);
        Entry entry = entries.getIfPresent(key);
        if (entry == null) {
            return Uni.createFrom().nullItem(); // the OIDC extension verifies it
        }
        RoutingContext routingContext = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routingContext == null) {
            return Uni.createFrom().nullItem();
        }
        request.setAttribute(FROM_CACHE, Boolean.TRUE);
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder(entry.identity());
        OidcUtils.setRoutingContextAttribute(identity, routingContext);
        OidcUtils.setBlockingApiAttribute(identity, routingContext);
        return Uni.createFrom().item(identity.build());
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return Uni.createFrom().item(identity);
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context,
            Map<String, Object> attributes) {
        if (attributes.get(KEY) instanceof String key && !attributes.containsKey(FROM_CACHE)
                && identity.getPrincipal() instanceof JsonWebToken jwt) {
            Duration untilExpiry = Duration.between(clock.instant(), Instant.ofEpochSecond(jwt.getExpirationTime()));
            Duration lifetime = untilExpiry.compareTo(maxAge) < 0 ? untilExpiry : maxAge;
            if (!lifetime.isNegative() && !lifetime.isZero()) {
                // Without the request it came with: an entry must not keep a finished request's objects alive.
                SecurityIdentity remembered = QuarkusSecurityIdentity.builder(identity)
                        .addAttribute(RoutingContext.class.getName(), null)
                        .addAttribute(AuthenticationRequestContext.class.getName(), null).build();
                entries.put(key, new Entry(remembered, lifetime));
            }
        }
        return Uni.createFrom().item(identity);
    }

    /** Whether {@code token} would be answered from the cache now. */
    boolean holds(String token) {
        return entries.getIfPresent(sha256(token)) != null;
    }

    /**
     * The Base64 SHA-256 of the token's US-ASCII bytes. A JWT is ASCII, so its characters are fed to a digest kept
     * per thread one by one, with no copy of the token; anything else takes the long way, with the same result.
     */
    private static String sha256(String token) {
        MessageDigest digest = DIGEST.get();
        int length = token.length();
        for (int i = 0; i < length; i++) {
            char c = token.charAt(i);
            if (c >= 0x80) {
                digest.reset();
                return Base64.getEncoder().encodeToString(digest.digest(token.getBytes(StandardCharsets.US_ASCII)));
            }
            digest.update((byte) c);
        }
        return Base64.getEncoder().encodeToString(digest.digest());
    }

    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    });
}
