package com.walletcare.bff.api;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.logging.MDC;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every HTTP request an id before anything else runs (routing, authentication, body parsing), so that every
 * response, error responses included, and every log line of the request carry it. A client's own
 * {@code X-Request-Id} is kept when it is a sane token; otherwise one is generated.
 */
public class RequestIdFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    void register(@Observes Filters filters) {
        filters.register(context -> {
            assign(context);
            context.next();
        }, Integer.MAX_VALUE);
    }

    /**
     * This request's id, assigned on first use. Requests the router refuses before any filter ran (no Host header,
     * a target that is not a path) get theirs here, from the failure handler.
     */
    public static String assign(RoutingContext context) {
        String assigned = context.response().headers().get(HEADER);
        if (assigned != null) {
            return assigned;
        }
        String id = context.request().getHeader(HEADER);
        if (id == null || !SAFE_ID.matcher(id).matches()) {
            id = newId();
            // Later stages (resources, exception mappers) read the id from the request like a client-sent one.
            context.request().headers().set(HEADER, id);
        }
        context.response().putHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        return id;
    }

    /** A random (version 4) UUID; a trace id needs no cryptographic randomness, so no contended SecureRandom. */
    private static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }

    public static String requestId(HttpHeaders headers) {
        return headers.getHeaderString(HEADER);
    }
}
