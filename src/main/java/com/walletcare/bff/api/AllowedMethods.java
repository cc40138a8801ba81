package com.walletcare.bff.api;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.ext.web.RoutingContext;


/**
 * The HTTP methods each path of the API accepts, as the resources' JAX-RS annotations declare them, for the
 * {@code Allow} header of a 405 (RFC 9110) and of an {@code OPTIONS} answer. Quarkus REST sends no Allow with its 405,
 * and answers OPTIONS with the methods of the whole resource class, whatever the path.
 *
 * <p>A path is matched as the router matches it: the router's own normalised path (dot segments removed, so that
 * {@code /customers/x/activate/..} is {@code /customers/x/}; empty segments dropped, so that {@code //customers/search}
 * is the search; unreserved characters decoded), a trailing slash tolerated, and the template with the most literal
 * characters winning. So {@code /customers/search} is the search, POST only: a GET of it is a 405, not a read of a
 * customer called "search".
 * Both the 405 and the OPTIONS answer come from here, before routing, so that they always agree.
 */
@Singleton
public class AllowedMethods {

    /**
     * {@code /customers/{id}/unlock} as its literal parts ({@code "/customers/"}, {@code "/unlock"}): each parameter
     * between two of them is one path segment ({@code [^/]+}), a trailing slash is tolerated; ranked by its literal
     * characters.
     */
    private record Template(String[] literals, int rank) {

        boolean matches(String path) {
            int end = path.length();
            if (matchesFrom(path, 0, 0, end)) {
                return true;
            }
            return end > 0 && path.charAt(end - 1) == '/' && matchesFrom(path, 0, 0, end - 1);
        }

        /** Whether {@code path[at, end)} is literal {@code part} followed by the rest, backtracking as the regex did. */
        private boolean matchesFrom(String path, int at, int part, int end) {
            String literal = literals[part];
            if (!path.startsWith(literal, at) || at + literal.length() > end) {
                return false;
            }
            at += literal.length();
            if (part == literals.length - 1) {
                return at == end;
            }
            // one parameter: at least one character, no slash
            for (int stop = at + 1; stop <= end && path.charAt(stop - 1) != '/'; stop++) {
                if (matchesFrom(path, stop, part + 1, end)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** What a path accepts: the Allow header as sent, and its methods. */
    private record Allowed(String header, Set<String> methods) {
    }

    /**
     * The API's paths and the methods each takes, as the JAX-RS annotations of {@link CustomerResource} declare them;
     * {@code AllowedMethodsTest} fails the build when the two differ, or when another resource class appears (and
     * HttpEdgeTest checks that every path of the OpenAPI document answers OPTIONS). A table, not reflection at start:
     * reading those annotations made the JVM parse every OpenAPI annotation on the resource methods and generate a
     * proxy class for each of their types, which the AOT cache cannot hold: 38-117 ms of the packaged service's
     * start-up on a busy machine, against 1-2 ms for this table, and the largest part of the start-up that was this
     * application's own (bench/RESULTS.md, "Start-up: what ran that need not").
     */
    static final Map<String, Set<String>> DECLARED = Map.of(
            "/customers/search", Set.of(HttpMethod.POST),
            "/customers/{id}", Set.of(HttpMethod.GET),
            "/customers/{id}/verification", Set.of(HttpMethod.POST),
            "/customers/{id}/unlock", Set.of(HttpMethod.POST),
            "/customers/{id}/activate", Set.of(HttpMethod.POST),
            "/customers/{id}/deactivate", Set.of(HttpMethod.POST),
            "/customers/{id}/history", Set.of(HttpMethod.GET));

    private final Template[] templates;
    private final List<TreeSet<String>> verbs;
    /**
     * The answer for each set of best-ranked matching templates (a bit per template), made on first use: a handful
     * of entries for the life of the service, and no regex, stream or sorted set per request.
     */
    private final Map<Long, Optional<Allowed>> answers = new ConcurrentHashMap<>();

    AllowedMethods() {
        if (DECLARED.size() > Long.SIZE) {
            throw new IllegalStateException("More than " + Long.SIZE + " resource paths: AllowedMethods keys its answers by a long");
        }
        Map<String, TreeSet<String>> byPath = new TreeMap<>();
        DECLARED.forEach((path, methods) -> byPath.put(path, new TreeSet<>(methods)));
        templates = byPath.keySet().stream().map(AllowedMethods::template).toArray(Template[]::new);
        verbs = List.copyOf(byPath.values());
    }

    /** {@code "GET, HEAD, OPTIONS"} for the request's path if it is one of the API's; empty for any other path. */
    public Optional<String> allow(RoutingContext routing) {
        return allowed(routing).map(Allowed::header);
    }

    /** Whether the request's path is one of the API's. */
    boolean isApiPath(RoutingContext routing) {
        return allowed(routing).isPresent();
    }

    /**
     * What the path the router routes accepts: its normalised path, without a fragment. Matching the path as sent
     * instead let {@code POST //customers/search} skip the checks of the search that the router then ran.
     */
    private Optional<Allowed> allowed(RoutingContext routing) {
        String path = routing.normalizedPath();
        int fragment = path.indexOf('#');
        return allowed(fragment < 0 ? path : path.substring(0, fragment));
    }

    private Optional<Allowed> allowed(String path) {
        int best = -1;
        long matched = 0;
        for (int i = 0; i < templates.length; i++) {
            Template template = templates[i];
            if (template.rank() >= best && template.matches(path)) {
                if (template.rank() > best) {
                    best = template.rank();
                    matched = 0;
                }
                matched |= 1L << i;
            }
        }
        return answers.computeIfAbsent(matched, this::answer);
    }

    /** The methods of the templates in {@code matched} (all of the same rank), with HEAD for GET, and OPTIONS. */
    private Optional<Allowed> answer(long matched) {
        if (matched == 0) {
            return Optional.empty();
        }
        TreeSet<String> methods = new TreeSet<>();
        for (int i = 0; i < templates.length; i++) {
            if ((matched & 1L << i) != 0) {
                methods.addAll(verbs.get(i));
            }
        }
        if (methods.contains(HttpMethod.GET)) {
            methods.add(HttpMethod.HEAD);
        }
        methods.add(HttpMethod.OPTIONS);
        return Optional.of(new Allowed(String.join(", ", methods), Set.copyOf(methods)));
    }

    /**
     * Answers OPTIONS on an API path itself (a CORS preflight never gets here: the CORS filter answers it), and a
     * method the path does not accept with a 405 and its Allow, before authentication: what a path accepts is no secret.
     */
    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION - 100)
    public Optional<Response> options(ContainerRequestContext request, RoutingContext routing) {
        String method = request.getMethod();
        Optional<Allowed> allow = allowed(routing);
        if (HttpMethod.OPTIONS.equals(method)) {
            return Optional.of(Response.noContent()
                    .header(HttpHeaders.ALLOW, allow.orElseThrow(
                            () -> new RequestRefusedException(ProblemCode.NOT_FOUND, ProblemMapper.detail(ProblemCode.NOT_FOUND))).header())
                    .build());
        }
        if (allow.isPresent() && !allow.get().methods().contains(method)) {
            return Optional.of(Response.fromResponse(ProblemMapper.response(Problem.of(ProblemCode.METHOD_NOT_ALLOWED,
                    ProblemMapper.detail(ProblemCode.METHOD_NOT_ALLOWED), request.getHeaderString(RequestIdFilter.HEADER))))
                    .header(HttpHeaders.ALLOW, allow.get().header()).build());
        }
        return Optional.empty();
    }

    private static Template template(String template) {
        String[] literals = template.split("\\{[^}]*}", -1);
        return new Template(literals, Arrays.stream(literals).mapToInt(String::length).sum());
    }
}
