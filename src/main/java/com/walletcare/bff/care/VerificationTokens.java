package com.walletcare.bff.care;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.SmallRyeConfig;

/**
 * verificationIds that any replica can check without asking the others: {@code vf_<expiry>.<mac>}, where the MAC is
 * HMAC-SHA256 over expiry, customer and agent under {@code care.verification.secret}. Nothing is stored, so a
 * verificationId cannot be revoked before it expires: keep care.verification.valid-for short.
 */
@Singleton
public class VerificationTokens {

    private static final String PREFIX = "vf_";
    private static final String HMAC = "HmacSHA256";
    private static final int MIN_SECRET_LENGTH = 32;

    private final SecretKeySpec key;
    private final boolean shared;

    private final InstantSource clock;

    VerificationTokens(CareConfig config, InstantSource clock) {
        this.clock = clock;
        this.shared = config.verification().secret().isPresent();
        byte[] secret = config.verification().secret().map(s -> s.getBytes(StandardCharsets.UTF_8)).orElseGet(() -> {
            byte[] random = new byte[MIN_SECRET_LENGTH];
            new SecureRandom().nextBytes(random);
            return random;
        });
        if (secret.length < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("care.verification.secret (CARE_VERIFICATION_SECRET) must have at least "
                    + MIN_SECRET_LENGTH + " characters");
        }
        this.key = new SecretKeySpec(secret, HMAC);
    }

    /** Dev mode and the tests run one instance; a deployment may not. */
    void warnWithoutSharedSecret(@Observes StartupEvent start, SmallRyeConfig config) {
        if (!shared && config.getProfiles().stream().noneMatch(profile -> profile.equals("dev") || profile.equals("test"))) {
            Log.warn("CARE_VERIFICATION_SECRET is not set: verificationIds are signed with a key of this instance only, "
                    + "and other replicas refuse them. Set the same secret on every replica.");
        }
    }

    /** A verificationId for {@code agent} about {@code customerId}, valid until {@code expiry} (whole seconds). */
    public String issue(String customerId, String agent, Instant expiry) {
        long expires = expiry.getEpochSecond();
        return PREFIX + expires + "." + mac(expires, customerId, agent);
    }

    /** Whether {@code verificationId} was issued here for this agent and customer, and has not expired. */
    public boolean valid(String verificationId, String customerId, String agent) {
        if (verificationId == null || !verificationId.startsWith(PREFIX)) {
            return false;
        }
        int dot = verificationId.indexOf('.');
        long expires;
        try {
            expires = Long.parseLong(verificationId.substring(PREFIX.length(), Math.max(dot, PREFIX.length())));
        } catch (NumberFormatException unreadable) {
            return false;
        }
        return clock.instant().getEpochSecond() < expires && MessageDigest.isEqual(
                verificationId.substring(dot + 1).getBytes(StandardCharsets.US_ASCII),
                mac(expires, customerId, agent).getBytes(StandardCharsets.US_ASCII));
    }

    /** Expiry first and agent last: customer ids have no '|', so no two bindings sign the same text. */
    private String mac(long expires, String customerId, String agent) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            byte[] signed = mac.doFinal((expires + "|" + customerId + "|" + agent).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
