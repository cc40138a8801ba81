package com.walletcare.bff.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;


import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.cors.CORSFilter;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * What this service refuses before routing, each as the contract's problem (written by the router's failure handler
 * in {@code ProblemMapper}) instead of the HTTP stack's empty answer: a target that is not a valid URI path (Quarkus's
 * own check, which answers an empty 400, is handed over to this one by {@link UriCheckHandover}), a URI or header
 * block over this service's limits (set below the codec's, so that it is this filter that answers), a browser origin
 * that may not call the API, a body whose length cannot be known (a Transfer-Encoding other than chunked: RFC 9112
 * §6.3 says 400, and the HTTP codec would otherwise wait for a body until the idle timeout), and a body over
 * {@code quarkus.http.limits.max-body-size}, whether announced by Content-Length or sent chunked.
 */
public class HttpEdge {

    /** Ours; the codec's ({@code quarkus.http.limits.max-initial-line-length}) is higher, so that we answer. */
    static final int MAX_URI_LENGTH = 4096;
    /** Ours; the codec's ({@code quarkus.http.limits.max-header-size}) is higher, so that we answer. */
    static final int MAX_HEADERS_SIZE = 20 * 1024;

    void register(@Observes Filters filters,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            @ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> origins) {
        List<String> allowedOrigins = origins.orElse(List.of());
        List<Pattern> originPatterns = CORSFilter.parseAllowedOriginsRegex(origins);
        filters.register(context -> {
            HttpServerRequest request = context.request();
            if (request.uri().length() > MAX_URI_LENGTH) {
                refuse(context, ProblemCode.URI_TOO_LONG, "The request URI is longer than the " + MAX_URI_LENGTH
                        + " characters this service accepts.");
            } else if (!isPath(request.uri())) {
                refuse(context, ProblemCode.VALIDATION_FAILED, "The request target is not a valid URI path.");
            } else if (headersSize(request) > MAX_HEADERS_SIZE) {
                refuse(context, ProblemCode.HEADERS_TOO_LARGE, "The request headers are larger than the "
                        + MAX_HEADERS_SIZE + " bytes this service accepts.");
            } else if (!framedByChunksOrLength(request)) {
                refuse(context, ProblemCode.VALIDATION_FAILED,
                        "Only Transfer-Encoding: chunked is accepted; send the body as it is, chunked or with Content-Length.");
            } else if (contentLength(request) > maxBodySize.asLongValue()) {
                refuse(context, ProblemCode.PAYLOAD_TOO_LARGE, "The request body is larger than the "
                        + maxBodySize.asLongValue() + " bytes this service accepts.");
            } else if (!originAllowed(request, allowedOrigins, originPatterns)) {
                refuse(context, ProblemCode.FORBIDDEN, "This origin may not call this API (CORS).");
            } else {
                context.next();
            }
        }, Integer.MAX_VALUE - 1);
        // Reads a chunked HTTP/1.1 body before the resources do, so that one over the limit is refused with the
        // contract's 413 (BodyHandler fails the request) rather than cut off half-way with an empty one and an ERROR.
        BodyHandler chunkedBody = BodyHandler.create(false).setBodyLimit(maxBodySize.asLongValue());
        filters.register(context -> {
            if (context.request().headers().contains(HttpHeaders.TRANSFER_ENCODING) && !context.request().isEnded()) {
                chunkedBody.handle(context);
            } else {
                context.next();
            }
        }, Integer.MAX_VALUE - 2);
    }

    private static void refuse(RoutingContext context, ProblemCode code, String detail) {
        context.fail(code.status(), new RequestRefusedException(code, detail));
    }

    /** The check Quarkus makes (a parsable URI), and origin-form: CONNECT's authority-form is not a path. */
    private static boolean isPath(String target) {
        try {
            new URI(target);
            return target.startsWith("/");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** No Transfer-Encoding, or chunked alone: gzip, or gzip then chunked, is a coding this service does not decode. */
    private static boolean framedByChunksOrLength(HttpServerRequest request) {
        List<String> codings = request.headers().getAll(HttpHeaders.TRANSFER_ENCODING);
        return codings.isEmpty() || codings.size() == 1 && codings.get(0).strip().equalsIgnoreCase("chunked");
    }

    private static long contentLength(HttpServerRequest request) {
        try {
            String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            return length == null ? 0 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int headersSize(HttpServerRequest request) {
        int size = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        return size;
    }

    /**
     * Quarkus's CORS filter refuses an unlisted origin with an empty 403 that still lists the allowed headers and
     * methods; this answers first, with the contract's problem and no Access-Control-Allow-* header. Same rules:
     * a listed origin, one matching a listed /regex/, or the service's own origin (Swagger UI).
     */
    private static boolean originAllowed(HttpServerRequest request, List<String> origins, List<Pattern> patterns) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        return origin == null || origins.contains(origin) || CORSFilter.isOriginAllowedByRegex(patterns, origin)
                || origin.equalsIgnoreCase(request.scheme() + "://" + request.authority());
    }
}
