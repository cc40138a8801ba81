package com.walletcare.bff.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

import io.restassured.RestAssured;

/**
 * Checks every response REST Assured receives against the OpenAPI document the running service serves, so that the
 * document cannot drift from the code: a field that is null but not nullable, a required one missing, an undocumented
 * status or an unknown property fails the test that caused it. Requests are not checked: tests send invalid ones on
 * purpose. The document is read once per service start (its port).
 */
public final class ContractValidation {

    private static int documentPort;
    private static OpenApiValidationFilter filter;

    private ContractValidation() {
    }

    /** Call before each test: REST Assured's filters are global, and reset by nothing else. */
    public static synchronized void install() {
        if (filter == null || documentPort != RestAssured.port) {
            RestAssured.replaceFiltersWith(java.util.List.of());
            String document = RestAssured.given().accept("application/json").get("/q/openapi").then().statusCode(200)
                    .extract().asString();
            filter = new OpenApiValidationFilter(OpenApiInteractionValidator.createForInlineApiSpecification(document)
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .build())
                    .build());
            documentPort = RestAssured.port;
        }
        RestAssured.replaceFiltersWith(filter);
    }
}
