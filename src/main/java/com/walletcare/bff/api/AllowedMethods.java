package com.walletcare.bff.api;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.ext.web.RoutingContext;


/**
 * The HTTP methods each path of the API accepts, read once from the resources' JAX-RS annotations, for the
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
     * The API's resources are this application's classes: those under the package this one's ({@code api}) is in, its
     * root. Only theirs are asked for {@code @Path}: reading the annotations of every bean class in the container (a
     * few hundred, nearly all of Quarkus and its libraries) made the JVM parse them and generate a proxy class for each
     * annotation type, 7 % of the main thread's start-up (bench/RESULTS.md, "Start-up"). Derived, so that a renamed
     * root needs no edit here; HttpEdgeTest checks that every path of the OpenAPI document (which SmallRye reads from
     * every resource, wherever it is) is found.
     */
    private static final String APPLICATION_PACKAGE = rootPackageOf(AllowedMethods.class);

    private final Template[] templates;
    private final List<TreeSet<String>> verbs;
    /**
     * The answer for each set of best-ranked matching templates (a bit per template), made on first use: a handful
     * of entries for the life of the service, and no regex, stream or sorted set per request.
     */
    private final Map<Long, Optional<Allowed>> answers = new ConcurrentHashMap<>();

    AllowedMethods(BeanManager beans) {
        Map<String, TreeSet<String>> byPath = beans.getBeans(Object.class, Any.Literal.INSTANCE).stream().map(Bean::getBeanClass).distinct()
                .filter(type -> type.getName().startsWith(APPLICATION_PACKAGE))
                .filter(resource -> resource.isAnnotationPresent(Path.class))
                .flatMap(resource -> Arrays.stream(resource.getMethods())
                        .flatMap(method -> httpMethod(method).map(verb -> Map.entry(template(resource, method), verb))))
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toCollection(TreeSet::new))));
        if (byPath.size() > Long.SIZE) {
            throw new IllegalStateException("More than " + Long.SIZE + " resource paths: AllowedMethods keys its answers by a long");
        }
        templates = byPath.keySet().stream().map(AllowedMethods::template).toArray(Template[]::new);
        verbs = byPath.values().stream().toList();
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

    /** {@code "com.walletcare.bff."} for {@code com.walletcare.bff.api.AllowedMethods}. */
    private static String rootPackageOf(Class<?> type) {
        String packageName = type.getPackageName();
        return packageName.substring(0, packageName.lastIndexOf('.') + 1);
    }

    private static Stream<String> httpMethod(Method method) {
        return Arrays.stream(method.getAnnotations()).map(Annotation::annotationType)
                .map(type -> type.getAnnotation(HttpMethod.class)).filter(verb -> verb != null).map(HttpMethod::value);
    }

    private static String template(Class<?> resource, Method method) {
        Path sub = method.getAnnotation(Path.class);
        return ("/" + resource.getAnnotation(Path.class).value() + "/" + (sub == null ? "" : sub.value()))
                .replaceAll("/+", "/").replaceAll("(.)/$", "$1");
    }

    private static Template template(String template) {
        String[] literals = template.split("\\{[^}]*}", -1);
        return new Template(literals, Arrays.stream(literals).mapToInt(String::length).sum());
    }
}
