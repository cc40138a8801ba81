package com.walletcare.bff.api;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.walletcare.bff.error.ProblemMapper;

/**
 * Adds what every operation shares, written once: the X-Request-Id response header, and on operations that take a
 * customer id the 400 (malformed id) and 404 (no such customer) problems.
 */
public class OpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values().forEach(operation -> {
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
