package com.walletcare.bff.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The OpenAPI document's problem examples are built by {@link OpenApiFilter} without Jackson, so that no mapper has to
 * introspect {@link Problem} at start. They must still be the JSON the service writes for the code.
 */
class OpenApiFilterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyProblemExampleIsTheJsonOfTheProblemForItsCode() throws Exception {
        for (ProblemCode code : ProblemCode.values()) {
            Problem problem = Problem.of(code, ProblemMapper.detail(code), OpenApiFilter.EXAMPLE_REQUEST_ID);
            assertEquals(JSON.writeValueAsString(problem), JSON.writeValueAsString(OpenApiFilter.example(code)), code.name());
        }
    }
}
