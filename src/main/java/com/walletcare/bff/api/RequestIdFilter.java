package com.walletcare.bff.api;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.logging.MDC;

import io.quarkus.vertx.http.runtime.filters.Filters;

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
            String id = context.request().getHeader(HEADER);
            if (id == null || !SAFE_ID.matcher(id).matches()) {
                id = UUID.randomUUID().toString();
                // Later stages (resources, exception mappers) read the id from the request like a client-sent one.
                context.request().headers().set(HEADER, id);
            }
            context.response().putHeader(HEADER, id);
            MDC.put(MDC_KEY, id);
            context.next();
        }, Integer.MAX_VALUE);
    }

    public static String requestId(HttpHeaders headers) {
        return headers.getHeaderString(HEADER);
    }
}
