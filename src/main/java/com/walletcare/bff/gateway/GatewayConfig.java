package com.walletcare.bff.gateway;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The gateway connection and call policies. Every key maps to an environment variable of the same name
 * (paydiant.partner-token ↔ PAYDIANT_PARTNER_TOKEN); defaults live in application.properties.
 */
@ConfigMapping(prefix = "paydiant")
public interface GatewayConfig {

    /** Base URL; the REST client appends /b2b-gateway/customers/... (read by quarkus.rest-client.paydiant.url). */
    String gatewayUrl();

    /** The issuing partner's already-encoded token, sent as {@code Authorization: Basic <token>}. A secret. */
    String partnerToken();

    /** messageHeader.partnerId; the gateway's samples leave the header fields blank, so they are optional. */
    Optional<String> partnerId();

    Optional<String> versionId();

    Optional<String> environmentId();

    CallPolicy lookup();

    CallPolicy activation();

    /**
     * Per-operation fault tolerance; application.properties feeds these into the @Timeout/@Retry/@CircuitBreaker keys
     * (lookups) and the REST client's read timeout (activation writes, which are never cut short or raced).
     */
    interface CallPolicy {
        long timeoutMs();

        int maxRetries();

        /** Lookups only: an activation write is retried after a lookup, which is the pause. */
        @WithDefault("0")
        long retryDelayMs();

        int circuitBreakerVolume();

        double circuitBreakerFailureRatio();

        long circuitBreakerDelayMs();
    }
}
