package com.walletcare.bff.api;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * What a request body may be: JSON in UTF-8, uncompressed ({@code application/json}, with no charset or
 * {@code charset=utf-8}), which is all this service decodes. Checked before routing, in one place, because Quarkus REST
 * cannot be left to do it: a Content-Type that is not a media type at all ({@code garbage}, {@code a/b/c},
 * {@code application/json, text/plain}) makes its own parsing throw (a 500), and the wildcard type (any/any) or
 * {@code charset=utf-16} pass its matching and are then read as UTF-8 anyway. This checks the label only: the bytes
 * are checked where they are read, by {@link StrictJson} (a body in UTF-16 labelled plain {@code application/json} is
 * the same 415 there).
 *
 * <p>A body refused here is a 415, but only for a caller who is authenticated: everyone else gets the 401 any call of
 * the API without valid credentials gets, so that an anonymous caller learns nothing from what it sends.
 *
 * <p>Unlock, activate and deactivate take an optional JSON body, and v1 clients send none, often with no Content-Type
 * either: such a request is an empty JSON body, not a 415.
 */
class RequestBodyType {

    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final Pattern MEDIA_TYPE = Pattern.compile(
            "\\s*(" + TOKEN + ")/(" + TOKEN + ")((?:\\s*;\\s*(?:" + TOKEN + "=(?:" + TOKEN + "|\"(?:[^\"\\\\]|\\\\.)*\"))?)*)\\s*");
    private static final Pattern PARAMETER = Pattern.compile(";\\s*(" + TOKEN + ")=(" + TOKEN + "|\"(?:[^\"\\\\]|\\\\.)*\")");

    private final AllowedMethods allowedMethods;
    private final CurrentIdentityAssociation identity;

    RequestBodyType(AllowedMethods allowedMethods, CurrentIdentityAssociation identity) {
        this.allowedMethods = allowedMethods;
        this.identity = identity;
    }

    /** After {@link AllowedMethods}: a method the path does not take is a 405 whatever its body. */
    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    Uni<Void> check(ContainerRequestContext request, RoutingContext routing) {
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        boolean takesBody = HttpMethod.POST.equals(request.getMethod())
                && allowedMethods.isApiPath(routing);
        // hasEntity() parses the Content-Type itself, and throws on one that is not a media type.
        boolean hasBody = contentType != null && !isPlainJson(contentType) && !MEDIA_TYPE.matcher(contentType).matches()
                || request.hasEntity();
        Optional<String> refusal = refusal(contentType, request.getHeaderString(HttpHeaders.CONTENT_ENCODING),
                takesBody, hasBody);
        if (refusal.isPresent()) {
            return identity.getDeferredIdentity().onItem().transform(caller -> {
                if (caller.isAnonymous()) {
                    throw new UnauthorizedException();
                }
                throw new RequestRefusedException(ProblemCode.UNSUPPORTED_MEDIA_TYPE, refusal.get());
            });
        }
        if (contentType == null && takesBody && !hasBody) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
        return Uni.createFrom().voidItem();
    }

    /** Why this request's body cannot be read, if it cannot. */
    static Optional<String> refusal(String contentType, String contentEncoding, boolean takesBody, boolean hasBody) {
        if (contentType == null) {
            return takesBody && hasBody ? Optional.of("A body needs Content-Type: application/json.") : Optional.empty();
        }
        if (isPlainJson(contentType)) {
            return takesBody ? encodingRefusal(contentEncoding) : Optional.empty();
        }
        Matcher mediaType = MEDIA_TYPE.matcher(contentType);
        if (!mediaType.matches()) {
            return Optional.of("The Content-Type is not a media type: send application/json.");
        }
        if (!takesBody) {
            return Optional.empty();
        }
        if (!mediaType.group(1).equalsIgnoreCase("application") || !mediaType.group(2).equalsIgnoreCase("json")) {
            return Optional.of("Send the body as application/json.");
        }
        Matcher parameter = PARAMETER.matcher(mediaType.group(3));
        while (parameter.find()) {
            String value = parameter.group(2).replaceAll("^\"|\"$", "");
            if (parameter.group(1).equalsIgnoreCase("charset") && !value.equalsIgnoreCase("utf-8")) {
                return Optional.of("This service reads JSON in UTF-8 only: send charset=utf-8, or no charset.");
            }
        }
        return encodingRefusal(contentEncoding);
    }

    private static Optional<String> encodingRefusal(String contentEncoding) {
        if (contentEncoding != null && !contentEncoding.strip().equalsIgnoreCase("identity")) {
            return Optional.of("This service reads uncompressed bodies only: send no Content-Encoding.");
        }
        return Optional.empty();
    }

    /** What nearly every client sends: a media type with no parameters, so no pattern needs to run. */
    private static boolean isPlainJson(String contentType) {
        return contentType.equalsIgnoreCase(MediaType.APPLICATION_JSON);
    }
}
