package com.walletcare.bff.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

@QuarkusTest
class OpenApiTest {

    @Test
    void documentsEveryOperationWithExamplesAndErrors() {
        RestAssured.given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/customers/search'.post.operationId", equalTo("searchCustomers"))
                .body("paths.'/customers/search'.post.summary", notNullValue())
                .body("paths.'/customers/search'.post.requestBody.content.'application/json'.examples", hasKey("by phone"))
                .body("paths.'/customers/search'.post.responses.'200'.content.'application/json'.examples",
                        hasKey("Olivia and Paul share a phone"))
                .body("paths.'/customers/search'.post.responses", hasKey("400"))
                .body("paths.'/customers/search'.post.responses", hasKey("413"))
                .body("paths.'/customers/search'.post.responses", hasKey("503"))
                .body("paths.'/customers/search'.post.responses", hasKey("504"))
                .body("paths.'/customers/search'.post.responses", hasKey("502"))
                .body("paths.'/customers/{id}'.get.operationId", equalTo("getCustomer"))
                .body("paths.'/customers/{id}'.get.parameters.find { it.name == 'id' }.description", equalTo("The gateway's customerId"))
                .body("paths.'/customers/{id}'.get.parameters.find { it.name == 'X-Request-Id' }.in", equalTo("header"))
                .body("paths.'/customers/{id}'.get.responses.'404'.content.'application/problem+json'.examples",
                        hasKey("CUSTOMER_NOT_FOUND"))
                .body("paths", not(hasKey("/b2b-gateway/customers/lookup")))
                .body("paths.'/customers/{id}/unlock'.post.operationId", equalTo("unlockWallet"))
                .body("paths.'/customers/{id}/unlock'.post.responses.'200'.content.'application/json'.examples",
                        hasKey("ALREADY_UNLOCKED"))
                .body("paths.'/customers/{id}/unlock'.post.responses.'502'.content.'application/problem+json'.examples",
                        hasKey("UNLOCK_INCOMPLETE"))
                .body("paths.'/customers/{id}/unlock'.post.responses", hasKey("409"))
                .body("paths.'/customers/{id}/unlock'.post.responses", hasKey("403"))
                .body("paths.'/customers/{id}/unlock'.post.responses.'429'.content.'application/problem+json'.examples",
                        hasKey("RATE_LIMITED"))
                .body("paths.'/customers/{id}/activate'.post.operationId", equalTo("activateWallet"))
                .body("paths.'/customers/{id}/activate'.post.responses", hasKey("429"))
                .body("paths.'/customers/{id}/deactivate'.post.operationId", equalTo("deactivateWallet"))
                .body("paths.'/customers/{id}/deactivate'.post.responses", hasKey("429"))
                .body("paths.'/customers/search'.post.responses", not(hasKey("429")))
                .body("paths.'/customers/{id}'.get.responses", not(hasKey("429")))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("components.securitySchemes", not(hasKey("dev-basic")))
                .body("paths.'/customers/search'.post.security[0]", hasKey("bearer"));
    }

    @Test
    void swaggerUiIsServed() {
        RestAssured.when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
