package com.walletcare.bff.deploy;

import static com.walletcare.bff.deploy.ManifestConsistencyTest.ROOT;
import static com.walletcare.bff.deploy.ManifestConsistencyTest.applicationProperties;
import static com.walletcare.bff.deploy.ManifestConsistencyTest.readYaml;
import static com.walletcare.bff.deploy.ManifestConsistencyTest.stream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.walletcare.bff.api.Roles;

/**
 * docker/compose.yaml is for front-end teams: a fresh {@code docker compose up} must let them sign in and run the
 * story. This checks, without Docker, that the Keycloak realm it imports and the service's OIDC settings agree: the
 * client, the audience its tokens carry, the roles (every one the service knows, each with a demo user), the issuer
 * browsers see, and a verification secret both replicas share.
 */
class ComposeStackTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode compose = readYaml(ROOT.resolve("docker/compose.yaml")).get(0);
    private final JsonNode realm = realm();
    /** What both replicas run with: the shared block, merged into each (YAML merge key). */
    private final Map<String, String> bff = environment(compose.path("x-bff"));

    private static JsonNode realm() {
        try {
            return JSON.readTree(ROOT.resolve("docker/keycloak/wallet-care-realm.json").toFile());
        } catch (IOException e) {
            throw new AssertionError("docker/keycloak/wallet-care-realm.json", e);
        }
    }

    private static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new TreeMap<>();
        service.path("environment").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }

    @Test
    void bothReplicasRunTheSharedSettingsUnchanged() {
        for (String replica : List.of("wallet-care-bff-1", "wallet-care-bff-2")) {
            JsonNode service = compose.path("services").path(replica);
            assertFalse(service.isMissingNode(), replica);
            assertTrue(service.has("<<"), replica + " merges the shared x-bff block");
            assertTrue(service.path("environment").isMissingNode(), replica + " overrides none of the shared environment");
        }
    }

    @Test
    void theReplicasShareOneVerificationSecret() {
        String secret = bff.get("CARE_VERIFICATION_SECRET");
        assertTrue(secret != null && secret.length() >= 32,
                "CARE_VERIFICATION_SECRET (at least 32 characters) in the shared block, or a verification made through one replica is refused by the other");
    }

    @Test
    void everyRoleTheServiceKnowsIsInTheRealmWithADemoUser() throws IllegalAccessException {
        Set<String> realmRoles = stream(realm.path("roles").path("realm")).map(r -> r.path("name").asText()).collect(Collectors.toSet());
        Set<String> serviceRoles = new java.util.TreeSet<>(Set.of("care-viewer", "care-agent", "care-supervisor"));
        for (Field field : Roles.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                serviceRoles.add((String) field.get(null));
            }
        }
        assertTrue(realmRoles.containsAll(serviceRoles), "realm roles " + realmRoles + " lack some of " + serviceRoles);
        for (String role : serviceRoles) {
            JsonNode user = stream(realm.path("users"))
                    .filter(u -> stream(u.path("realmRoles")).anyMatch(r -> r.asText().equals(role))).findFirst()
                    .orElseThrow(() -> new AssertionError("no demo user with role " + role));
            assertTrue(stream(user.path("credentials")).anyMatch(c -> "password".equals(c.path("type").asText())
                    && !c.path("temporary").asBoolean()), user.path("username") + " has a lasting password");
            for (String attribute : List.of("firstName", "lastName", "email")) {
                // Keycloak's user profile requires them: without, the first login stops at "update your profile".
                assertFalse(user.path(attribute).asText().isBlank(), user.path("username") + " has a " + attribute);
            }
        }
        assertEquals("realm_access/roles", bff.get("QUARKUS_OIDC_ROLES_ROLE_CLAIM_PATH"),
                "Keycloak puts realm roles in realm_access.roles, not in groups");
    }

    @Test
    void theServicesClientIsInTheRealmAndThePortalsTokensNameItsAudience() {
        String clientId = bff.getOrDefault("QUARKUS_OIDC_CLIENT_ID", applicationProperties().getProperty("quarkus.oidc.client-id"));
        assertTrue(stream(realm.path("clients")).anyMatch(c -> clientId.equals(c.path("clientId").asText())),
                "the realm has the service's client " + clientId);
        List<String> audience = bff.containsKey("QUARKUS_OIDC_TOKEN_AUDIENCE")
                ? Arrays.asList(bff.get("QUARKUS_OIDC_TOKEN_AUDIENCE").split(","))
                : List.of(clientId);
        JsonNode portal = stream(realm.path("clients"))
                .filter(c -> c.path("publicClient").asBoolean() && c.path("directAccessGrantsEnabled").asBoolean()
                        && c.path("standardFlowEnabled").asBoolean())
                .findFirst().orElseThrow(() -> new AssertionError("a public client for front ends (browser login) and curl (password grant)"));
        assertTrue(stream(portal.path("protocolMappers")).anyMatch(m -> "oidc-audience-mapper".equals(m.path("protocolMapper").asText())
                && audience.contains(m.path("config").path("included.client.audience").asText())
                && "true".equals(m.path("config").path("access.token.claim").asText())),
                portal.path("clientId") + " puts " + audience + " into its access tokens' aud (Keycloak does not by default)");
        for (String origin : bff.get("CORS_ORIGINS").split(",")) {
            assertTrue(stream(portal.path("redirectUris")).anyMatch(uri -> uri.asText().startsWith(origin + "/")),
                    "a front end at " + origin + " (CORS_ORIGINS) can log in: it is among the portal's redirect URIs");
        }
    }

    @Test
    void theServiceFetchesKeysInsideTheStackAndExpectsTheIssuerBrowsersSee() {
        JsonNode keycloak = compose.path("services").path("keycloak");
        assertFalse(keycloak.isMissingNode(), "a keycloak service");
        String realmName = realm.path("realm").asText();
        URI server = URI.create(bff.get("QUARKUS_OIDC_AUTH_SERVER_URL"));
        assertEquals("keycloak", server.getHost());
        assertEquals("/realms/" + realmName, server.getPath());
        String published = stream(keycloak.path("ports")).map(JsonNode::asText)
                .filter(p -> p.endsWith(":" + server.getPort())).findFirst()
                .orElseThrow(() -> new AssertionError("keycloak publishes its port " + server.getPort())).split(":")[0];
        assertEquals("http://localhost:" + published + "/realms/" + realmName, bff.get("QUARKUS_OIDC_TOKEN_ISSUER"),
                "tokens fetched from the host carry its URL as iss");
        assertTrue(stream(keycloak.path("command")).anyMatch(c -> c.asText().equals("--import-realm")));
        assertTrue(stream(keycloak.path("volumes")).anyMatch(v -> v.asText()
                .startsWith("./keycloak/wallet-care-realm.json:/opt/keycloak/data/import/")), "the realm file is imported");
        assertEquals("service_healthy", compose.path("x-bff").path("depends_on").path("keycloak").path("condition").asText(),
                "the replicas start once Keycloak serves the realm (OIDC discovery at start)");
    }

    @Test
    void theReplicasHealthcheckUsesTheManagementInterface() {
        String check = stream(compose.path("x-bff").path("healthcheck").path("test")).map(JsonNode::asText)
                .collect(Collectors.joining(" "));
        assertTrue(check.contains("/dev/tcp/127.0.0.1/" + applicationProperties().getProperty("quarkus.management.port")),
                "the image serves health on the management interface: " + check);
    }
}
