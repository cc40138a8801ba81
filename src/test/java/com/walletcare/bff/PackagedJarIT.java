package com.walletcare.bff;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.walletcare.bff.api.Roles;
import com.walletcare.bff.testing.GatewayTest;
import com.walletcare.bff.testing.InjectGateway;
import com.walletcare.bff.testing.WireMockGateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;

/** The packaged fast-jar, started as the container image starts it, serving a search and its health. */
@QuarkusIntegrationTest
@QuarkusTestResource(WireMockGateway.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class PackagedJarIT {

    @InjectGateway
    WireMockServer gateway;

    @Test
    void servesASearchWithAToken() {
        gateway.stubFor(post(urlEqualTo(GatewayTest.LOOKUP)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(GatewayTest.resource("/gateway/seed-lookup-response.json"))));

        RestAssured.given().auth().oauth2(GatewayTest.token("agent", Roles.AGENT))
                .contentType("application/json").body("{\"phone\": \"9991234444\"}")
                .when().post("/customers/search")
                .then().statusCode(200).body("count", equalTo(2)).body("customers[1].status", equalTo("LOCKED"));
        RestAssured.given().contentType("application/json").body("{\"phone\": \"9991234444\"}")
                .when().post("/customers/search").then().statusCode(401);
    }

    @Test
    void isLiveAndReady() {
        RestAssured.when().get("/q/health/live").then().statusCode(200);
        RestAssured.when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        RestAssured.when().get("/q/metrics").then().statusCode(200);
    }
}
