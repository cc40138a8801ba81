package com.walletcare.bff.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * {@link AllowedMethods} answers from a table, so that the service does not read the resources' annotations at start.
 * The table must be what those annotations declare: an endpoint added, removed or given another method, or a new
 * resource class, fails here until the table says the same.
 */
class AllowedMethodsTest {

    @Test
    void theTableIsWhatTheResourcesJaxRsAnnotationsDeclare() {
        Map<String, Set<String>> declared = new TreeMap<>();
        resourceClasses().forEach(resource -> {
            for (Method method : resource.getMethods()) {
                for (Annotation annotation : method.getAnnotations()) {
                    HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
                    if (verb != null) {
                        declared.computeIfAbsent(template(resource, method), path -> new TreeSet<>()).add(verb.value());
                    }
                }
            }
        });
        assertFalse(declared.isEmpty(), "no resource methods found: the scan itself is broken");
        assertEquals(declared, new TreeMap<>(AllowedMethods.DECLARED));
    }

    /**
     * The JAX-RS resources: this application's classes with {@code @Path}, anywhere under the package {@code api} is
     * in (the REST client is an interface).
     */
    private static Set<Class<?>> resourceClasses() {
        String api = AllowedMethods.class.getPackageName();
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(api.substring(0, api.lastIndexOf('.'))).stream()
                .filter(type -> !type.isInterface() && type.isAnnotatedWith(Path.class))
                .map(JavaClass::reflect).collect(Collectors.toSet());
    }

    /** {@code /customers} + {@code /{id}/unlock}, as JAX-RS joins them: one slash between, none at the end. */
    private static String template(Class<?> resource, Method method) {
        Path sub = method.getAnnotation(Path.class);
        return ("/" + resource.getAnnotation(Path.class).value() + "/" + (sub == null ? "" : sub.value()))
                .replaceAll("/+", "/").replaceAll("(.)/$", "$1");
    }
}
