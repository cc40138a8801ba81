package com.walletcare.bff.api;

import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.walletcare.bff.error.ProblemMapper;

/**
 * Adds what every operation shares, written once: the security schemes Swagger UI can authorise with (a bearer token
 * in every profile; the dev-mode users where HTTP Basic is on, which is dev mode only), the X-Request-Id response
 * header, and on operations that take a customer id the 400 (malformed id) and 404 (no such customer) problems.
 */
public class OpenApiFilter implements OASFilter {

    public static final String BEARER = "bearer";
    static final String DEV_BASIC = "dev-basic";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        boolean devBasic = ConfigProvider.getConfig().getOptionalValue("quarkus.http.auth.basic", Boolean.class).orElse(false);
        if (openAPI.getComponents() == null) {
            openAPI.components(OASFactory.createComponents());
        }
        openAPI.getComponents().addSecurityScheme(BEARER, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("An access token from the identity provider, with the care-viewer or care-agent role"));
        if (devBasic) {
            openAPI.getComponents().addSecurityScheme(DEV_BASIC, OASFactory.createSecurityScheme()
                    .type(SecurityScheme.Type.HTTP).scheme("basic")
                    .description("Dev mode only: viewer/viewer (care-viewer) or agent/agent (care-agent)"));
        }
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values().forEach(operation -> {
            if (devBasic && operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
                operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(DEV_BASIC));
            }
            if (path.contains("{id}")) {
                operation.getResponses()
                        .addAPIResponse("400", problem("VALIDATION_FAILED: the id is not a customer id", null, null))
                        .addAPIResponse("404", problem("CUSTOMER_NOT_FOUND", "CUSTOMER_NOT_FOUND", ApiExamples.CUSTOMER_NOT_FOUND));
            }
            operation.getResponses().getAPIResponses().values().forEach(response -> response.addHeader(
                    RequestIdFilter.HEADER, OASFactory.createHeader().description("This request's trace id")
                            .schema(OASFactory.createSchema().addType(SchemaType.STRING))));
        }));
    }

    private static Object json(String example) {
        try {
            return new ObjectMapper().readValue(example, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Example is not JSON: " + example, e);
        }
    }

    private static APIResponse problem(String description, String exampleName, String example) {
        var mediaType = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("Problem"));
        if (example != null) {
            Example value = OASFactory.createExample().value(json(example));
            mediaType.examples(Map.of(exampleName, value));
        }
        Content content = OASFactory.createContent().addMediaType(ProblemMapper.PROBLEM_JSON, mediaType);
        return OASFactory.createAPIResponse().description(description).content(content);
    }
}
