package com.walletcare.bff.api;

import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.walletcare.bff.care.CareFailure;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The one place where failures become {@code application/problem+json}: the care core's (the gateway's and the
 * journal's among them, already in the core's words), those
 * Quarkus raises before resource code runs (routing, content negotiation, body parsing), and those the HTTP router
 * sees before any resource is chosen (see {@link #routerFailures}). Details never carry a stack trace, a class name,
 * a gateway body or a token. Only a fault of this service is logged as an error, never a client's mistake.
 */
public class ProblemMapper {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final String INTERNAL_ERROR_DETAIL = "Something went wrong in this service; the request id helps trace it.";
    private final String unauthenticatedDetail;
    private final AllowedMethods allowedMethods;

    /** Where HTTP Basic is on (dev mode's users), a 401 says so. */
    ProblemMapper(AllowedMethods allowedMethods, @ConfigProperty(name = "quarkus.http.auth.basic") boolean basic) {
        this.allowedMethods = allowedMethods;
        this.unauthenticatedDetail = basic
                ? "Log in with HTTP Basic as a dev-mode user (viewer/viewer or agent/agent), or send a valid bearer token."
                : detail(ProblemCode.UNAUTHENTICATED);
    }

    /**
     * Failures the router sees before a resource is chosen: requests refused at the HTTP edge ({@code api.HttpEdge}),
     * a body over the limit, no Host header, a target that is not a path (CONNECT). Answered here first, so that
     * Quarkus's own error page (plain JSON, an ERROR line) is never reached.
     */
    void routerFailures(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            if (context.response().headWritten()) {
                return;
            }
            Problem problem = routerProblem(context);
            // What follows such a request (an unread body, a broken request line) cannot be trusted to frame the next.
            context.response().setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, PROBLEM_JSON)
                    .putHeader("Connection", "close");
            // Vert.x closes such a connection only once the request has been read to its end; one whose body is still
            // to come (chunks of a refused transfer coding) would hold it until the idle timeout.
            if (!context.request().isEnded() && context.request().version() != HttpVersion.HTTP_2) {
                context.response().endHandler(ended -> context.request().connection().close());
            }
            context.json(problem);
        });
    }

    private static Problem routerProblem(RoutingContext context) {
        String requestId = RequestIdFilter.assign(context);
        if (context.failure() instanceof RequestRefusedException refused) {
            return Problem.of(refused.code(), refused.getMessage(), requestId);
        }
        if (context.request().authority() == null) {
            return Problem.of(ProblemCode.VALIDATION_FAILED, "A Host header is required.", requestId);
        }
        if (!context.request().uri().startsWith("/")) {
            return Problem.of(ProblemCode.VALIDATION_FAILED, "The request target is not a valid URI path.", requestId);
        }
        ProblemCode code = switch (context.statusCode()) {
            case 400 -> ProblemCode.VALIDATION_FAILED;
            case 404 -> ProblemCode.NOT_FOUND;
            case 405 -> ProblemCode.METHOD_NOT_ALLOWED;
            case 413 -> ProblemCode.PAYLOAD_TOO_LARGE;
            default -> null;
        };
        if (code == null) {
            Log.error("Unexpected failure", context.failure());
            return Problem.of(ProblemCode.INTERNAL_ERROR, INTERNAL_ERROR_DETAIL, requestId);
        }
        return Problem.of(code, detail(code), requestId);
    }

    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(PROBLEM_JSON).entity(problem).build();
    }

    private static Response problem(ProblemCode code, String detail, HttpHeaders headers) {
        return response(Problem.of(code, detail, RequestIdFilter.requestId(headers)));
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e, HttpHeaders headers) {
        return response(Problem.of(ProblemCode.VALIDATION_FAILED, "The request is not valid: see violations.",
                RequestIdFilter.requestId(headers)).withViolations(e.violations()));
    }

    @ServerExceptionMapper
    public Response refused(RequestRefusedException e, HttpHeaders headers) {
        return problem(e.code(), e.getMessage(), headers);
    }

    /**
     * Every failure of the care core, in one place: its code is the contract's, its detail is the core's own wording,
     * and Retry-After and the customer come with it where the core gives them.
     */
    @ServerExceptionMapper
    public Response care(CareFailure e, HttpHeaders headers) {
        Problem problem = Problem.of(ProblemCode.valueOf(e.code().name()), e.getMessage(), RequestIdFilter.requestId(headers));
        if (e.customerId() != null) {
            problem = problem.withCustomer(e.customerId(), e.customerStatus());
        }
        if (e.customer() != null) {
            problem = problem.withCustomer(e.customer());
        }
        if (!e.violations().isEmpty()) {
            problem = problem.withViolations(e.violations().entrySet().stream()
                    .map(violation -> new Problem.Violation(violation.getKey(), violation.getValue())).toList());
        }
        Response response = response(problem);
        return e.retryAfter().map(after -> Response.fromResponse(response)
                .header(HttpHeaders.RETRY_AFTER, Math.max(1, after.toSeconds())).build()).orElse(response);
    }

    /** No credentials, or credentials that do not check out (expired, wrong issuer, bad signature, alg none). */
    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(Exception e, HttpHeaders headers) {
        return Response.fromResponse(problem(ProblemCode.UNAUTHENTICATED,
                unauthenticatedDetail, headers))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers) {
        return problem(ProblemCode.FORBIDDEN, detail(ProblemCode.FORBIDDEN), headers);
    }

    /** Body parsing: unknown fields, wrong types, malformed JSON. */
    @ServerExceptionMapper
    public Response unreadableBody(JacksonException e, HttpHeaders headers) {
        return response(Problem.of(ProblemCode.VALIDATION_FAILED, "The request body could not be read.",
                RequestIdFilter.requestId(headers)).withViolations(List.of(violation(e))));
    }

    /** Takes precedence over Quarkus's built-in mapper for this exception, which answers plain JSON. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, HttpHeaders headers) {
        return unreadableBody(e, headers);
    }

    private static Problem.Violation violation(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new Problem.Violation(unknown.getPropertyName(), "Unknown field.");
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            JsonMappingException.Reference last = mapping.getPath().get(mapping.getPath().size() - 1);
            // A value the parser could not read at all (a string with bytes that are not UTF-8) is malformed, not mistyped.
            return new Problem.Violation(last.getFieldName(),
                    mapping.getCause() instanceof JsonParseException ? "Malformed JSON." : "Wrong type of value.");
        }
        if (e instanceof MismatchedInputException) {
            // Valid JSON of the wrong shape: an array, a bare value, or more after the object.
            return new Problem.Violation(null, "The body must be one JSON object, and nothing after it.");
        }
        if (e.getProcessor() instanceof JsonParser parser && e.getOriginalMessage().startsWith("Duplicate field")) {
            return new Problem.Violation(parser.getParsingContext().getCurrentName(), "Given twice.");
        }
        return new Problem.Violation(null, "Malformed JSON.");
    }

    /** Whatever JAX-RS itself raised: routing, methods, media types, or a body error wrapped by the reader. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpHeaders headers, RoutingContext routing) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson) {
                return unreadableBody(jackson, headers);
            }
        }
        int status = e.getResponse().getStatus();
        ProblemCode code = switch (status) {
            case 400 -> ProblemCode.VALIDATION_FAILED;
            case 401 -> ProblemCode.UNAUTHENTICATED;
            case 403 -> ProblemCode.FORBIDDEN;
            case 404 -> ProblemCode.NOT_FOUND;
            case 405 -> ProblemCode.METHOD_NOT_ALLOWED;
            case 406 -> ProblemCode.NOT_ACCEPTABLE;
            case 413 -> ProblemCode.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemCode.UNSUPPORTED_MEDIA_TYPE;
            default -> null;
        };
        if (code == null) {
            return unexpected(e, headers);
        }
        Response response = problem(code, detail(code), headers);
        return code == ProblemCode.METHOD_NOT_ALLOWED
                ? Response.fromResponse(response).header(HttpHeaders.ALLOW, allowedMethods.allow(routing).orElse(null)).build()
                : response;
    }

    /** The detail this service answers with for {@code code} where nothing more specific is known. */
    public static String detail(ProblemCode code) {
        return switch (code) {
            case UNAUTHENTICATED -> "A valid bearer token is required.";
            case FORBIDDEN -> "Your role does not allow this operation.";
            case NOT_FOUND -> "No such path.";
            case METHOD_NOT_ALLOWED -> "This path does not accept that HTTP method.";
            case NOT_ACCEPTABLE -> "This service answers application/json only.";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json.";
            case PAYLOAD_TOO_LARGE -> "The request body is larger than this service accepts.";
            case URI_TOO_LONG -> "The request URI is longer than this service accepts.";
            case HEADERS_TOO_LARGE -> "The request headers are larger than this service accepts.";
            default -> "The request could not be processed.";
        };
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpHeaders headers) {
        Log.error("Unexpected failure", e);
        return problem(ProblemCode.INTERNAL_ERROR, INTERNAL_ERROR_DETAIL, headers);
    }
}
