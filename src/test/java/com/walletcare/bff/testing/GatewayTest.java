package com.walletcare.bff.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import com.walletcare.bff.api.Roles;
import com.walletcare.bff.customer.WalletState;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;

/**
 * Base of every test that drives the service over HTTP with WireMock as the gateway. Each test starts from a
 * clean slate: no stubs, no recorded requests, every circuit breaker closed.
 */
@QuarkusTestResource(WireMockGateway.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(EmbeddedDatabase.class)
public abstract class GatewayTest {

    public static final String LOOKUP = "/b2b-gateway/customers/lookup";
    public static final String ACTIVATION = "/b2b-gateway/customers/activation";
    public static final String PARTNER_AUTHORIZATION = "Basic test-partner-token";
    /** quarkus.oidc.client-id: the audience tokens must carry while QUARKUS_OIDC_TOKEN_AUDIENCE is unset. */
    public static final String AUDIENCE = "wallet-care-bff";

    @InjectGateway
    protected WireMockServer gateway;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    Optional<String> journalDatabase;

    @BeforeEach
    void cleanSlate() {
        ContractValidation.install();
        gateway.resetAll();
        circuitBreakers.resetAll();
        journalDatabase.ifPresent(EmbeddedDatabase::clear);
    }

    /** A request to this service, as a front end sends it for an agent (who may do everything). */
    protected static RequestSpecification client() {
        return as(Roles.AGENT);
    }

    /** A request with a valid token for a user with {@code role}. */
    protected static RequestSpecification as(String role) {
        return anonymous().auth().oauth2(token(role + "-user", role));
    }

    /**
     * An access token as the identity provider issues it for this service: subject and user name {@code user},
     * audience the client id (the test server's own default audience is not ours).
     */
    public static String token(String user, String... roles) {
        return OidcWiremockTestResource.generateJwtToken(user, Set.of(roles), user, "Bearer", Set.of(AUDIENCE));
    }

    protected static RequestSpecification anonymous() {
        return RestAssured.given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static String resource(String path) {
        try (InputStream in = GatewayTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    protected static MappingBuilder lookupCall() {
        return post(urlEqualTo(LOOKUP)).withHeader("Authorization", equalTo(PARTNER_AUTHORIZATION));
    }

    protected static MappingBuilder activationCall() {
        return post(urlEqualTo(ACTIVATION)).withHeader("Authorization", equalTo(PARTNER_AUTHORIZATION));
    }

    protected List<LoggedRequest> received(String path) {
        RequestPatternBuilder pattern = postRequestedFor(urlEqualTo(path));
        return gateway.findAll(pattern);
    }

    /** The {@code activate} values the gateway received, in order. */
    protected List<String> activationsSent() {
        return received(ACTIVATION).stream()
                .map(r -> r.getBodyAsString().replaceAll(".*\"activate\":\"([^\"]*)\".*", "$1")).toList();
    }

    private static final String WALLET = "wallet";

    /**
     * Customer {@code id}'s wallet as the gateway holds it, on WireMock scenario state: lookups answer its current
     * flags, and every successful activation moves it as the real gateway does ({@link WalletState#afterActivation}).
     * A change is applied when WireMock matches the request, before any delay or fault of the answer: tests add faulty
     * answers with {@link #activationIn}, at a higher priority.
     */
    protected void walletAtGateway(String id, boolean active, boolean locked) {
        for (boolean a : new boolean[] { true, false }) {
            for (boolean l : new boolean[] { true, false }) {
                WalletState state = new WalletState(a, l);
                gateway.stubFor(lookupCall().atPriority(5).inScenario(WALLET).whenScenarioStateIs(name(state))
                        .willReturn(json(lookupAnswer(record(id, a, l)))));
                for (boolean activate : new boolean[] { true, false }) {
                    gateway.stubFor(appliedIn(state, activate).atPriority(5).willReturn(json(ACTIVATION_SUCCESS)));
                }
            }
        }
        gateway.setScenarioState(WALLET, name(new WalletState(active, locked)));
    }

    /** An activation call with {@code activate}, on the wallet in {@code state}; it changes nothing. */
    protected static ScenarioMappingBuilder activationIn(WalletState state, boolean activate) {
        return activationCall()
                .withRequestBody(matchingJsonPath("$.updateCustomerActivationRequest.activate", equalTo(String.valueOf(activate))))
                .inScenario(WALLET).whenScenarioStateIs(name(state));
    }

    /** The same call, applied: it moves the wallet on when WireMock matches it, whatever the answer then is. */
    protected static ScenarioMappingBuilder appliedIn(WalletState state, boolean activate) {
        return activationIn(state, activate).willSetStateTo(name(state.afterActivation(activate)));
    }

    /** The wallet's state at the gateway now. */
    protected WalletState walletAtGatewayNow() {
        String state = gateway.getAllScenarios().getScenarios().stream().filter(s -> s.getName().equals(WALLET))
                .findFirst().orElseThrow().getState();
        return new WalletState(state.startsWith("active"), state.endsWith("locked"));
    }

    private static String name(WalletState state) {
        return (state.active() ? "active" : "inactive") + (state.locked() ? "+locked" : "");
    }

    /** Waits until every answer the gateway still delays has been sent: WireMock applies a change on receipt. */
    protected static void awaitDelayedAnswers(int longestDelayMs) {
        try {
            Thread.sleep(longestDelayMs + 300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A lookup answer with the given records, in the gateway's envelope. */
    public static String lookupAnswer(String... records) {
        return """
                { "retrieveCustomerLookUpInfoResponse": {
                    "messageHeader": { "partnerId": "", "messageId": "", "versionId": "", "environmentId": "" },
                    "status": { "statusCode": "SUCCESS", "statusDescription": "Done", "errors": [] },
                    "configurationDetails": [],
                    "customerLookUpInfo": [ %s ] } }""".formatted(String.join(",", records));
    }

    public static String failedAnswer(String method) {
        return """
                { "%sResponse": {
                    "messageHeader": { "partnerId": "", "messageId": "", "versionId": "", "environmentId": "" },
                    "status": { "statusCode": "FAILED", "statusDescription": "Failure",
                                "errors": [ { "code": "403", "description": "Invalid Arguments" } ] } } }""".formatted(method);
    }

    public static final String ACTIVATION_SUCCESS = """
            { "updateCustomerActivationResponse": {
                "messageHeader": { "partnerId": "", "messageId": "", "versionId": "", "environmentId": "" },
                "status": { "statusCode": "SUCCESS", "statusDescription": "Done", "errors": [] } } }""";

    /** A gateway record for customer {@code id} with the given wallet flags, shaped like the seed's. */
    public static String record(String id, boolean active, boolean locked) {
        return """
                { "devices": [], "additionalCustomerInformation": [ { "key": "birthday", "value": "07101969" } ],
                  "customerUri": "certnew:entity:customer#uri-%1$s",
                  "issuingPartnerUri": "certnew:entity:issuingpartner#d72bb2cd-34f9-441e-9daf-4f3ef2838bcb",
                  "partnerUri": "paydiant:entity:partner#5df9ba6e-c3a5-4c7e-9f22-6812a069683a",
                  "createDate": 1454792210632, "issuingPartnerShortName": "certnew",
                  "active": %2$s, "locked": %3$s, "email": "pauls_wallet@yahoo.com", "emailPending": null,
                  "customerId": "%1$s", "username": "pauls_wallet@yahoo.com", "firstName": "Paul", "lastName": "Casey",
                  "address1": "445 Graceland Drive", "address2": "", "city": "Laguna Beach", "country": "USA",
                  "state": "CA", "zip": "92651", "phone": "9991234444", "passwordChangedDate": 1454792210632,
                  "passcodeChangedDate": 1454792210632, "securityQuestionsChangedDate": 1454792210632,
                  "lastLoginDate": null, "emailVerified": true, "emailVerifiedDate": null }""".formatted(id, active, locked);
    }
}
