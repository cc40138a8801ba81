package com.walletcare.bff.api;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
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


/**
 * The HTTP methods each path of the API accepts, read once from the resources' JAX-RS annotations, for the
 * {@code Allow} header of a 405 (RFC 9110) and of an {@code OPTIONS} answer. Quarkus REST sends no Allow with its 405,
 * and answers OPTIONS with the methods of the whole resource class, whatever the path.
 *
 * <p>A path is matched as JAX-RS matches it: after its dot segments are removed ({@code /customers/x/activate/..} is
 * {@code /customers/x/}), a trailing slash tolerated, and the template with the most literal characters winning. So
 * {@code /customers/search} is the search, POST only: a GET of it is a 405, not a read of a customer called "search".
 * Both the 405 and the OPTIONS answer come from here, before routing, so that they always agree.
 */
@Singleton
public class AllowedMethods {

    private record Template(Pattern pattern, int literals) {
    }

    private final Map<Template, TreeSet<String>> byPath;

    AllowedMethods(BeanManager beans) {
        byPath = beans.getBeans(Object.class, Any.Literal.INSTANCE).stream().map(Bean::getBeanClass).distinct()
                .filter(resource -> resource.isAnnotationPresent(Path.class))
                .flatMap(resource -> Arrays.stream(resource.getMethods())
                        .flatMap(method -> httpMethod(method).map(verb -> Map.entry(template(resource, method), verb))))
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toCollection(TreeSet::new))))
                .entrySet().stream().collect(Collectors.toMap(entry -> template(entry.getKey()), Map.Entry::getValue));
    }

    /** {@code "GET, HEAD, OPTIONS"} for a path of the API, as sent; empty for any other path. */
    public Optional<String> allow(String rawPath) {
        String path = withoutDotSegments(rawPath);
        int best = byPath.keySet().stream().filter(template -> template.pattern().matcher(path).matches())
                .mapToInt(Template::literals).max().orElse(-1);
        if (best < 0) {
            return Optional.empty();
        }
        TreeSet<String> methods = new TreeSet<>();
        byPath.forEach((template, verbs) -> {
            if (template.literals() == best && template.pattern().matcher(path).matches()) {
                methods.addAll(verbs);
            }
        });
        if (methods.contains(HttpMethod.GET)) {
            methods.add(HttpMethod.HEAD);
        }
        methods.add(HttpMethod.OPTIONS);
        return Optional.of(String.join(", ", methods));
    }

    /**
     * Answers OPTIONS on an API path itself (a CORS preflight never gets here: the CORS filter answers it), and a
     * method the path does not accept with a 405 and its Allow, before authentication: what a path accepts is no secret.
     */
    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION - 100)
    public Optional<Response> options(ContainerRequestContext request) {
        String method = request.getMethod();
        Optional<String> allow = allow(request.getUriInfo().getRequestUri().getRawPath());
        if (HttpMethod.OPTIONS.equals(method)) {
            return Optional.of(Response.noContent()
                    .header(HttpHeaders.ALLOW, allow.orElseThrow(
                            () -> new RequestRefusedException(ProblemCode.NOT_FOUND, ProblemMapper.detail(ProblemCode.NOT_FOUND))))
                    .build());
        }
        if (allow.isPresent() && !List.of(allow.get().split(", ")).contains(method)) {
            return Optional.of(Response.fromResponse(ProblemMapper.response(Problem.of(ProblemCode.METHOD_NOT_ALLOWED,
                    ProblemMapper.detail(ProblemCode.METHOD_NOT_ALLOWED), request.getHeaderString(RequestIdFilter.HEADER))))
                    .header(HttpHeaders.ALLOW, allow.get()).build());
        }
        return Optional.empty();
    }

    /** RFC 3986 remove_dot_segments, as the router applies it: {@code /a/b/../c/.} is {@code /a/c/}. */
    private static String withoutDotSegments(String rawPath) {
        if (!rawPath.contains("/.")) {
            return rawPath;
        }
        Deque<String> segments = new ArrayDeque<>();
        String[] parts = rawPath.split("/", -1);
        for (int i = 1; i < parts.length; i++) {
            boolean last = i == parts.length - 1;
            if (parts[i].equals("..")) {
                segments.pollLast();
            } else if (!parts[i].equals(".")) {
                segments.addLast(parts[i]);
                continue;
            }
            if (last) {
                segments.addLast("");
            }
        }
        return "/" + String.join("/", segments);
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

    /**
     * {@code /customers/{id}/unlock} → one path segment for each parameter, everything else literal, a trailing slash
     * tolerated; ranked by its literal characters.
     */
    private static Template template(String template) {
        List<String> literals = List.of(template.split("\\{[^}]*}", -1));
        return new Template(Pattern.compile(literals.stream().map(Pattern::quote).collect(Collectors.joining("[^/]+")) + "/?"),
                literals.stream().mapToInt(String::length).sum());
    }
}
