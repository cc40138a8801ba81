package com.walletcare.bff.api;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
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
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.walletcare.bff.error.ProblemCode;
import com.walletcare.bff.error.RequestRefusedException;

/**
 * The HTTP methods each path of the API accepts, read once from the resources' JAX-RS annotations, for the
 * {@code Allow} header of a 405 (RFC 9110) and of an {@code OPTIONS} answer. Quarkus REST sends no Allow with its 405,
 * and answers OPTIONS with the methods of the whole resource class, whatever the path.
 */
@Singleton
public class AllowedMethods {

    private final Map<Pattern, TreeSet<String>> byPath;

    AllowedMethods(BeanManager beans) {
        byPath = beans.getBeans(Object.class, Any.Literal.INSTANCE).stream().map(Bean::getBeanClass).distinct()
                .filter(resource -> resource.isAnnotationPresent(Path.class))
                .flatMap(resource -> Arrays.stream(resource.getMethods())
                        .flatMap(method -> httpMethod(method).map(verb -> Map.entry(template(resource, method), verb))))
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toCollection(TreeSet::new))))
                .entrySet().stream().collect(Collectors.toMap(entry -> pattern(entry.getKey()), Map.Entry::getValue));
    }

    /** {@code "GET, HEAD, OPTIONS"} for a path of the API, as sent; empty for any other path. */
    public Optional<String> allow(String path) {
        TreeSet<String> methods = new TreeSet<>();
        byPath.forEach((pattern, verbs) -> {
            if (pattern.matcher(path).matches()) {
                methods.addAll(verbs);
            }
        });
        if (methods.isEmpty()) {
            return Optional.empty();
        }
        if (methods.contains(HttpMethod.GET)) {
            methods.add(HttpMethod.HEAD);
        }
        methods.add(HttpMethod.OPTIONS);
        return Optional.of(String.join(", ", methods));
    }

    /** Answers OPTIONS on an API path itself (a CORS preflight never gets here: the CORS filter answers it). */
    @ServerRequestFilter(preMatching = true)
    public Optional<Response> options(ContainerRequestContext request) {
        if (!HttpMethod.OPTIONS.equals(request.getMethod())) {
            return Optional.empty();
        }
        String allow = allow(request.getUriInfo().getRequestUri().getRawPath()).orElseThrow(
                () -> new RequestRefusedException(ProblemCode.NOT_FOUND, "No such path."));
        return Optional.of(Response.noContent().header(HttpHeaders.ALLOW, allow).build());
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

    /** {@code /customers/{id}/unlock} → one path segment for each parameter, everything else literal. */
    private static Pattern pattern(String template) {
        List<String> literals = List.of(template.split("\\{[^}]*}", -1));
        return Pattern.compile(literals.stream().map(Pattern::quote).collect(Collectors.joining("[^/]+")));
    }
}
