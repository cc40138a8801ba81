package com.walletcare.bff.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Keeps the deployment files (k8s/, docker/) consistent with the application. A plain unit test: it reads the raw
 * files, from the project root (surefire's working directory), and needs neither Quarkus nor kubectl.
 */
class ManifestConsistencyTest {

    /**
     * Environment variables the deployment may set although application.properties does not name them. Kept short
     * on purpose: each entry is a standard key of Quarkus or of the base image, documented in README.md, and a
     * typo in any other name must fail.
     * <ul>
     * <li>{@code QUARKUS_OIDC_*}: the identity provider (auth-server-url, client-id, token audience / issuer, role
     * claim path). Only some of these keys appear in application.properties; the rest are set per environment.</li>
     * <li>{@code QUARKUS_LOG_LEVEL}: the root log level.</li>
     * <li>{@code QUARKUS_DATASOURCE_REACTIVE_URL}, {@code _JDBC_URL}, {@code _USERNAME}, {@code _PASSWORD}: the care
     * journal's PostgreSQL, unset in application.properties so that the service runs on its in-memory journal
     * without them.</li>
     * <li>{@code JDK_JAVA_OPTIONS}: read by the {@code java} launcher (the heap size of the container), not by the
     * application.</li>
     * </ul>
     */
    static final List<String> ALLOWED_PREFIXES = List.of("QUARKUS_OIDC_");
    static final Set<String> ALLOWED_NAMES = Set.of("QUARKUS_LOG_LEVEL", "JDK_JAVA_OPTIONS", "QUARKUS_DATASOURCE_REACTIVE_URL",
            "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD");

    static final String SECRET_NAME = "wallet-care-bff-paydiant";
    static final String SECRET_KEY = "partner-token";
    static final String VERIFICATION_SECRET_NAME = "wallet-care-bff-verification";
    static final int HTTP_PORT = 8080;
    /** Names that must never be set as plain values in k8s/: they come from a Secret. */
    static final Pattern SECRET_LIKE = Pattern.compile("TOKEN|SECRET|PASSWORD|CREDENTIAL");

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final Path ROOT = projectRoot();

    // ---------------------------------------------------------------------------------------------------------------
    // (a) every environment variable set by the deployment is one the application reads
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void everyEnvironmentVariableSetByTheDeploymentIsReadByTheApplication() {
        Set<String> known = applicationEnvNames();
        Map<String, Set<String>> set = deploymentEnvNames();
        assertTrue(set.containsKey("PAYDIANT_GATEWAY_URL") && set.containsKey("PAYDIANT_PARTNER_TOKEN"),
                "expected the deployment files to set PAYDIANT_GATEWAY_URL and PAYDIANT_PARTNER_TOKEN; found only " + set);

        Map<String, Set<String>> unknown = new TreeMap<>();
        set.forEach((name, where) -> {
            if (!known.contains(name) && !isAllowListed(name)) {
                unknown.put(name, where);
            }
        });
        assertTrue(unknown.isEmpty(), () -> "environment variables set in the deployment files that the application"
                + " does not read (no matching key in src/main/resources/application.properties, and not in the"
                + " allow-list " + ALLOWED_PREFIXES + "* / " + new TreeSet<>(ALLOWED_NAMES) + "): " + unknown
                + ". Fix the name, or add the key to application.properties.");
    }

    static boolean isAllowListed(String name) {
        return ALLOWED_NAMES.contains(name) || ALLOWED_PREFIXES.stream().anyMatch(name::startsWith);
    }

    /** The env-var form of every key in application.properties, and of every key its values reference. */
    static Set<String> applicationEnvNames() {
        Properties props = applicationProperties();
        Set<String> names = new TreeSet<>();
        Pattern reference = Pattern.compile("\\$\\{([^}:$]+)");
        for (String rawKey : props.stringPropertyNames()) {
            addConfigKey(names, rawKey.replaceFirst("^%[^.]+\\.", ""));
            Matcher m = reference.matcher(props.getProperty(rawKey));
            while (m.find()) {
                addConfigKey(names, m.group(1).trim());
            }
        }
        return names;
    }

    static void addConfigKey(Set<String> names, String key) {
        if (!key.isEmpty() && !key.contains("\"")) { // quoted keys (fault-tolerance method names) are not env-mapped
            names.add(toEnvName(key));
        }
    }

    /** MicroProfile Config / SmallRye mapping: every character but letters and digits becomes '_', upper-cased. */
    static String toEnvName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** Every env var name the deployment files set, with the files that set it. */
    static Map<String, Set<String>> deploymentEnvNames() {
        EnvNames names = new EnvNames();
        JsonNode container = container();
        for (JsonNode env : container.path("env")) {
            names.put(env.path("name").asText(), "k8s/base/deployment.yaml env");
        }
        for (Doc doc : k8sDocs()) {
            if ("ConfigMap".equals(doc.kind())) {
                doc.node().path("data").fieldNames().forEachRemaining(n -> names.put(n, doc.source() + " data"));
            }
            if (isKustomization(doc)) {
                for (JsonNode generator : doc.node().path("configMapGenerator")) {
                    for (JsonNode literal : generator.path("literals")) {
                        names.put(literalKey(literal.asText()), doc.source() + " configMapGenerator");
                    }
                    for (JsonNode envFile : generator.path("envs")) {
                        Path file = ROOT.resolve(doc.source()).resolveSibling(envFile.asText());
                        for (String line : readLines(file)) {
                            if (!line.isBlank() && !line.trim().startsWith("#")) {
                                names.put(literalKey(line), ROOT.relativize(file) + "");
                            }
                        }
                    }
                }
            }
            // Env vars added by an overlay's patch of the Deployment (strategic merge or JSON 6902)
            if ("Deployment".equals(doc.kind()) && doc.source().contains("overlays")) {
                for (JsonNode c : doc.node().path("spec").path("template").path("spec").path("containers")) {
                    c.path("env").forEach(e -> names.put(e.path("name").asText(), doc.source() + " patch"));
                }
            }
            if (doc.node().isArray()) {
                for (JsonNode op : doc.node()) {
                    if (op.path("path").asText().contains("/env")) {
                        Stream.of(op.path("value")).flatMap(v -> v.isArray() ? stream(v) : Stream.of(v))
                                .filter(v -> v.has("name"))
                                .forEach(v -> names.put(v.path("name").asText(), doc.source() + " patch"));
                    }
                }
            }
        }
        Path compose = ROOT.resolve("docker/compose.yaml");
        if (Files.exists(compose)) {
            for (JsonNode service : readYaml(compose).get(0).path("services")) {
                if (!service.path("image").asText().startsWith("wallet-care-bff")) {
                    continue; // the database's own image, configured by its own variables
                }
                JsonNode environment = service.path("environment");
                if (environment.isObject()) {
                    environment.fieldNames().forEachRemaining(n -> names.put(n, "docker/compose.yaml"));
                } else {
                    environment.forEach(e -> names.put(literalKey(e.asText()), "docker/compose.yaml"));
                }
            }
        }
        names.remove("");
        return names;
    }

    /** name -> where it is set (a name can be set in several files). */
    static class EnvNames extends TreeMap<String, Set<String>> {
        void put(String name, String where) {
            computeIfAbsent(name, n -> new TreeSet<>()).add(where);
        }
    }

    static String literalKey(String literal) {
        int eq = literal.indexOf('=');
        return (eq < 0 ? literal : literal.substring(0, eq)).trim();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // (b) probes and ports
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void probesAndTheScrapeUseTheManagementInterfaceAndTheServiceOnlyTheHttpPort() {
        JsonNode container = container();
        Map<String, Integer> ports = new LinkedHashMap<>();
        container.path("ports").forEach(port -> ports.put(port.path("name").asText(), port.path("containerPort").asInt()));
        assertEquals(HTTP_PORT, ports.get("http"), "the container port named 'http' must be " + HTTP_PORT + " (quarkus.http.port)");
        int management = Integer.parseInt(applicationProperties().getProperty("quarkus.management.port"));
        assertEquals("true", applicationProperties().getProperty("%prod.quarkus.management.enabled"),
                "the packaged service serves health and metrics on the management interface");
        assertEquals(management, ports.get("management"),
                "the container port named 'management' must be quarkus.management.port (" + management + ")");

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("startupProbe", "/q/health/started");
        expected.put("livenessProbe", "/q/health/live");
        expected.put("readinessProbe", "/q/health/ready");
        expected.forEach((probe, path) -> {
            JsonNode get = container.path(probe).path("httpGet");
            assertFalse(get.isMissingNode(), probe + " must be an httpGet probe");
            assertEquals(path, get.path("path").asText(), probe + " path");
            assertTrue("management".equals(get.path("port").asText()) || get.path("port").asInt() == management,
                    probe + " must use the management port, was " + get.path("port").asText());
        });

        Doc service = k8sDocs().stream().filter(d -> "Service".equals(d.kind()) && !isKustomization(d)).findFirst()
                .orElseThrow(() -> new AssertionError("no Service in k8s/"));
        for (JsonNode port : service.node().path("spec").path("ports")) {
            assertPointsAtHttpPort(port.path("targetPort"), "Service targetPort (metrics and health stay off the Service)");
        }

        JsonNode annotations = deployment().path("spec").path("template").path("metadata").path("annotations");
        assertEquals(String.valueOf(management), annotations.path("prometheus.io/port").asText(),
                "prometheus.io/port annotation (metrics are served on the management interface, /q/metrics)");
        Set<Integer> admitted = new TreeSet<>();
        networkPolicy(Optional.empty()).path("spec").path("ingress")
                .forEach(rule -> rule.path("ports").forEach(port -> admitted.add(port.path("port").asInt())));
        assertTrue(admitted.containsAll(Set.of(HTTP_PORT, management)), "the NetworkPolicy admits " + admitted);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // (b2) what each overlay's pods must reach, its NetworkPolicy admits (with a CNI that enforces policies, Flyway
    // could not reach the database at start otherwise)
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void eachOverlaysNetworkPolicyAdmitsTheDatabaseTheIdentityProviderAndTheGatewayItsConfigMapNames() {
        for (String overlay : List.of("certification", "production")) {
            Map<String, String> config = configMap(overlay);
            JsonNode egress = networkPolicy(Optional.of(overlay)).path("spec").path("egress");
            for (String variable : List.of("QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_DATASOURCE_JDBC_URL",
                    "QUARKUS_OIDC_AUTH_SERVER_URL", "PAYDIANT_GATEWAY_URL")) {
                String url = config.get(variable);
                assertNotNull(url, overlay + " sets " + variable);
                int port = port(url);
                assertTrue(stream(egress).anyMatch(rule -> admitsTcp(rule, port)),
                        overlay + ": no egress rule admits TCP " + port + " for " + variable + "=" + url + " in " + egress);
            }
            assertTrue(stream(egress).anyMatch(rule -> stream(rule.path("ports")).anyMatch(p -> p.path("port").asInt() == 53)),
                    overlay + ": DNS");
        }
    }

    @Test
    void theDatabasePortIsReadFromTheUrlAsTheDriverReadsIt() {
        assertEquals(5432, port("postgresql://db.example.com/wallet_care"));
        assertEquals(6543, port("jdbc:postgresql://db.example.com:6543/wallet_care"));
        assertEquals(443, port("https://idp.example.com/realms/care"));
        assertEquals(8180, port("http://localhost:8180/realms/care"));
        JsonNode rule = YAML.createObjectNode().set("ports", YAML.createArrayNode().add(YAML.createObjectNode().put("port", 5432)));
        assertTrue(admitsTcp(rule, 5432));
        assertFalse(admitsTcp(rule, 6543));
    }

    static int port(String url) {
        java.net.URI uri = java.net.URI.create(url.replaceFirst("^jdbc:", ""));
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return switch (uri.getScheme()) {
            case "https" -> 443;
            case "http" -> 80;
            case "postgresql", "postgres" -> 5432;
            default -> throw new AssertionError("no default port known for " + url);
        };
    }

    /** A rule without ports admits every port; protocol defaults to TCP; endPort makes a range. */
    static boolean admitsTcp(JsonNode rule, int port) {
        if (!rule.has("ports") || rule.path("ports").isEmpty()) {
            return true;
        }
        return stream(rule.path("ports")).anyMatch(p -> "TCP".equals(p.path("protocol").asText("TCP"))
                && p.path("port").asInt() <= port && port <= p.path("endPort").asInt(p.path("port").asInt()));
    }

    /** The base ConfigMap's data with an overlay's configMapGenerator literals merged in, as kustomize does. */
    static Map<String, String> configMap(String overlay) {
        Map<String, String> data = new TreeMap<>();
        readYaml(ROOT.resolve("k8s/base/configmap.yaml")).get(0).path("data").fields()
                .forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText()));
        JsonNode kustomization = readYaml(ROOT.resolve("k8s/overlays/" + overlay + "/kustomization.yaml")).get(0);
        for (JsonNode generator : kustomization.path("configMapGenerator")) {
            for (JsonNode literal : generator.path("literals")) {
                String[] pair = literal.asText().split("=", 2);
                data.put(pair[0], pair[1]);
            }
        }
        return data;
    }

    /** The base NetworkPolicy with an overlay's JSON patches (add / replace) applied, as kustomize does. */
    static JsonNode networkPolicy(Optional<String> overlay) {
        JsonNode policy = readYaml(ROOT.resolve("k8s/base/networkpolicy.yaml")).get(0).deepCopy();
        if (overlay.isEmpty()) {
            return policy;
        }
        JsonNode kustomization = readYaml(ROOT.resolve("k8s/overlays/" + overlay.get() + "/kustomization.yaml")).get(0);
        for (JsonNode patch : kustomization.path("patches")) {
            if (!"NetworkPolicy".equals(patch.path("target").path("kind").asText())) {
                continue;
            }
            // A JSON patch is a YAML list; readYaml gives its operations one by one.
            for (JsonNode read : readYaml(patch.path("patch").asText())) {
                for (JsonNode op : read.isArray() ? read : YAML.createArrayNode().add(read)) {
                    String[] path = op.path("path").asText().substring(1).split("/");
                    JsonNode parent = policy;
                    for (int i = 0; i < path.length - 1; i++) {
                        parent = parent.isArray() ? parent.path(Integer.parseInt(path[i])) : parent.path(path[i]);
                    }
                    String last = path[path.length - 1];
                    String kind = op.path("op").asText();
                    if (parent instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
                        if ("add".equals(kind) && "-".equals(last)) {
                            array.add(op.path("value"));
                        } else if ("add".equals(kind)) {
                            array.insert(Integer.parseInt(last), op.path("value"));
                        } else if ("replace".equals(kind)) {
                            array.set(Integer.parseInt(last), op.path("value"));
                        } else {
                            fail("unsupported JSON patch operation in " + overlay.get() + ": " + op);
                        }
                    } else if (parent instanceof com.fasterxml.jackson.databind.node.ObjectNode object
                            && ("add".equals(kind) || "replace".equals(kind))) {
                        object.set(last, op.path("value"));
                    } else {
                        fail("unsupported JSON patch operation in " + overlay.get() + ": " + op);
                    }
                }
            }
        }
        return policy;
    }

    static void assertPointsAtHttpPort(JsonNode port, String what) {
        assertTrue("http".equals(port.asText()) || port.asInt() == HTTP_PORT,
                what + " must be the port named 'http' or " + HTTP_PORT + ", was '" + port.asText() + "'");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // (c) security context
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void theContainerRunsNonRootReadOnlyWithoutPrivileges() {
        JsonNode pod = deployment().path("spec").path("template").path("spec").path("securityContext");
        JsonNode ctr = container().path("securityContext");

        boolean nonRoot = ctr.path("runAsNonRoot").isBoolean()
                ? ctr.path("runAsNonRoot").asBoolean()
                : pod.path("runAsNonRoot").asBoolean(false);
        assertTrue(nonRoot, "runAsNonRoot must be true (container securityContext, or the pod's if the container"
                + " does not set it)");
        JsonNode runAsUser = ctr.has("runAsUser") ? ctr.path("runAsUser") : pod.path("runAsUser");
        assertTrue(runAsUser.isMissingNode() || runAsUser.asInt() != 0, "runAsUser must not be 0 (root)");
        assertTrue(ctr.path("readOnlyRootFilesystem").asBoolean(false),
                "container securityContext.readOnlyRootFilesystem must be true");
        assertTrue(ctr.has("allowPrivilegeEscalation") && !ctr.path("allowPrivilegeEscalation").asBoolean(true),
                "container securityContext.allowPrivilegeEscalation must be false");
        assertFalse(ctr.path("privileged").asBoolean(false), "the container must not be privileged");
        List<String> dropped = stream(ctr.path("capabilities").path("drop")).map(JsonNode::asText).toList();
        assertTrue(dropped.contains("ALL"), "container securityContext.capabilities.drop must contain ALL, was " + dropped);
        assertTrue(ctr.path("capabilities").path("add").isEmpty(), "no capability may be added back");

        boolean tmpIsWritable = stream(container().path("volumeMounts"))
                .anyMatch(m -> "/tmp".equals(m.path("mountPath").asText()));
        assertTrue(tmpIsWritable, "with a read-only root file system, /tmp must be a mounted volume (the JVM and"
                + " Vert.x write there)");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // (d) the images run as a non-root user and expose the HTTP port
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void theJvmImageRunsNonRootAndExposesTheHttpPort() {
        List<String> image = finalStage(ROOT.resolve("docker/Dockerfile.jvm"));
        String user = lastInstruction(image, "USER")
                .orElseThrow(() -> new AssertionError("docker/Dockerfile.jvm has no USER line: it would run as root"));
        String uid = user.split(":")[0];
        assertFalse(uid.equals("root") || uid.equals("0"), "docker/Dockerfile.jvm USER must not be root, was " + user);
        assertTrue(exposes(image, HTTP_PORT), "docker/Dockerfile.jvm must EXPOSE " + HTTP_PORT);

        JsonNode pod = deployment().path("spec").path("template").path("spec").path("securityContext");
        JsonNode runAsUser = container().path("securityContext").has("runAsUser")
                ? container().path("securityContext").path("runAsUser")
                : pod.path("runAsUser");
        if (uid.matches("\\d+") && !runAsUser.isMissingNode()) {
            assertEquals(uid, runAsUser.asText(), "the Deployment's runAsUser must be the user of docker/Dockerfile.jvm");
        }

        Path nativeFile = ROOT.resolve("docker/Dockerfile.native");
        if (Files.exists(nativeFile)) {
            List<String> runtime = finalStage(nativeFile);
            String nativeUser = lastInstruction(runtime, "USER")
                    .orElseThrow(() -> new AssertionError("the runtime stage of docker/Dockerfile.native has no USER"));
            assertFalse(nativeUser.startsWith("root") || nativeUser.split(":")[0].equals("0"),
                    "docker/Dockerfile.native USER must not be root, was " + nativeUser);
            assertTrue(exposes(runtime, HTTP_PORT), "docker/Dockerfile.native must EXPOSE " + HTTP_PORT);
        }
    }

    /** The instructions of the last stage (from its FROM on), continuation lines joined, comments dropped. */
    static List<String> finalStage(Path dockerfile) {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : readLines(dockerfile)) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#") || trimmed.isEmpty() && current.length() == 0) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            instructions.add(current.append(trimmed).toString().trim());
            current.setLength(0);
        }
        int from = 0;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).toUpperCase(Locale.ROOT).startsWith("FROM ")) {
                from = i;
            }
        }
        return instructions.subList(from, instructions.size());
    }

    static Optional<String> lastInstruction(List<String> instructions, String keyword) {
        String prefix = keyword + " ";
        return instructions.stream().filter(i -> i.toUpperCase(Locale.ROOT).startsWith(prefix))
                .map(i -> i.substring(prefix.length()).trim()).reduce((a, b) -> b);
    }

    static boolean exposes(List<String> instructions, int port) {
        return instructions.stream().filter(i -> i.toUpperCase(Locale.ROOT).startsWith("EXPOSE "))
                .flatMap(i -> Stream.of(i.substring(7).trim().split("\\s+")))
                .anyMatch(p -> p.equals(String.valueOf(port)) || p.equals(port + "/tcp"));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // (e) the partner token and the verification secret come from Secrets, and no Secret is committed
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void theJournalDatabaseIsConfiguredEverywhereWithItsCredentialsFromASecret() throws IOException {
        for (String name : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
            JsonNode env = stream(container().path("env")).filter(e -> name.equals(e.path("name").asText())).findFirst()
                    .orElseThrow(() -> new AssertionError("the container must set " + name + " (the care journal)"));
            assertEquals("wallet-care-bff-database", env.path("valueFrom").path("secretKeyRef").path("name").asText(),
                    name + " must come from Secret wallet-care-bff-database (k8s/README.md)");
        }
        for (Doc doc : k8sDocs()) {
            if ("ConfigMap".equals(doc.kind())) {
                String reactive = doc.node().path("data").path("QUARKUS_DATASOURCE_REACTIVE_URL").asText();
                String jdbc = doc.node().path("data").path("QUARKUS_DATASOURCE_JDBC_URL").asText();
                assertTrue(reactive.startsWith("postgresql://"), doc.source() + ": QUARKUS_DATASOURCE_REACTIVE_URL " + reactive);
                assertEquals("jdbc:" + reactive, jdbc, doc.source() + ": the JDBC URL (migrations) names the same database");
            }
        }
        for (String overlay : List.of("certification", "production")) {
            String kustomization = Files.readString(ROOT.resolve("k8s/overlays/" + overlay + "/kustomization.yaml"));
            Matcher reactive = Pattern.compile("QUARKUS_DATASOURCE_REACTIVE_URL=(\\S+)").matcher(kustomization);
            Matcher jdbc = Pattern.compile("QUARKUS_DATASOURCE_JDBC_URL=(\\S+)").matcher(kustomization);
            assertTrue(reactive.find() && jdbc.find(), overlay + " points the replicas at its own journal database");
            assertEquals("jdbc:" + reactive.group(1), jdbc.group(1), overlay + ": the JDBC URL names the same database");
        }
    }

    @Test
    void thePartnerTokenAndTheVerificationSecretComeFromUncommittedSecrets() {
        JsonNode tokenEnv = stream(container().path("env"))
                .filter(e -> "PAYDIANT_PARTNER_TOKEN".equals(e.path("name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("the container must set PAYDIANT_PARTNER_TOKEN"));
        JsonNode ref = tokenEnv.path("valueFrom").path("secretKeyRef");
        assertEquals(SECRET_NAME, ref.path("name").asText(),
                "PAYDIANT_PARTNER_TOKEN must come from secretKeyRef name " + SECRET_NAME + " (k8s/README.md)");
        assertEquals(SECRET_KEY, ref.path("key").asText(), "PAYDIANT_PARTNER_TOKEN secretKeyRef key");
        JsonNode verificationSecret = stream(container().path("env"))
                .filter(e -> "CARE_VERIFICATION_SECRET".equals(e.path("name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("the container must set CARE_VERIFICATION_SECRET: replicas share it"))
                .path("valueFrom").path("secretKeyRef");
        assertEquals(VERIFICATION_SECRET_NAME, verificationSecret.path("name").asText(),
                "CARE_VERIFICATION_SECRET must come from secretKeyRef name " + VERIFICATION_SECRET_NAME + " (k8s/README.md)");

        for (Doc doc : k8sDocs()) {
            if ("Secret".equals(doc.kind())) {
                assertTrue(doc.node().path("data").isEmpty() && doc.node().path("stringData").isEmpty(),
                        doc.source() + " contains a Secret with data: secrets are created out of band, never committed");
            }
            if (isKustomization(doc)) {
                assertTrue(doc.node().path("secretGenerator").isEmpty(),
                        doc.source() + " has a secretGenerator: its values would be committed; create the Secret"
                                + " out of band (k8s/README.md)");
            }
        }

        // A secret-looking variable set as a plain value in k8s/ (ConfigMap, generator literal, env value)
        Map<String, List<String>> plain = new TreeMap<>();
        deploymentEnvNames().forEach((name, files) -> {
            List<String> inK8s = files.stream().filter(w -> w.startsWith("k8s/")).toList();
            boolean onlyFromSecret = stream(container().path("env")).noneMatch(
                    e -> name.equals(e.path("name").asText()) && !e.path("valueFrom").has("secretKeyRef"))
                    && inK8s.stream().allMatch(w -> w.equals("k8s/base/deployment.yaml env"));
            if (SECRET_LIKE.matcher(name).find() && !inK8s.isEmpty() && !onlyFromSecret) {
                plain.put(name, inK8s);
            }
        });
        assertTrue(plain.isEmpty(), () -> "secret values set in plain text in k8s/ (use a secretKeyRef): " + plain);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // (f) the grace period outlasts preStop + Quarkus' graceful shutdown
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void theTerminationGracePeriodOutlastsTheGracefulShutdown() {
        JsonNode podSpec = deployment().path("spec").path("template").path("spec");
        assertTrue(podSpec.has("terminationGracePeriodSeconds"), "set terminationGracePeriodSeconds explicitly");
        long grace = podSpec.path("terminationGracePeriodSeconds").asLong();
        long preStop = preStopSleepSeconds(container());

        Properties props = applicationProperties();
        String timeout = props.getProperty("%prod.quarkus.shutdown.timeout", props.getProperty("quarkus.shutdown.timeout"));
        if (timeout == null) {
            // No graceful shutdown configured: only the preStop sleep has to fit.
            assertTrue(grace > preStop, "terminationGracePeriodSeconds (" + grace + ") must exceed the preStop sleep ("
                    + preStop + " s)");
            return;
        }
        Duration shutdown = parseQuarkusDuration(timeout);
        assertTrue(Duration.ofSeconds(grace).compareTo(shutdown.plusSeconds(preStop)) > 0,
                "terminationGracePeriodSeconds (" + grace + " s) must exceed the preStop sleep (" + preStop
                        + " s) plus quarkus.shutdown.timeout (" + timeout + " in application.properties), or the"
                        + " kubelet kills the JVM before in-flight requests finish");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // (g) the image, the Deployment and the benchmark start the JVM one way: java @docker/jvm.options
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void theImageTheDeploymentAndTheBenchmarkStartTheJvmWithTheSameOptions() throws IOException {
        List<String> options = readLines(ROOT.resolve("docker/jvm.options")).stream()
                .map(line -> line.replaceFirst("#.*", "").trim()).filter(line -> !line.isEmpty()).toList();
        assertTrue(options.stream().noneMatch(o -> o.matches("-Xm[sx].*|-XX:(Max|Min|Initial)RAM(Percentage)?=.*")),
                "docker/jvm.options must not size the heap (the container does): " + options);
        assertTrue(options.stream().filter(o -> o.startsWith("-XX:AOTCache=")).noneMatch(o -> o.contains("/")),
                "the AOT cache is named relative to the application folder: " + options);

        List<String> image = finalStage(ROOT.resolve("docker/Dockerfile.jvm"));
        String entrypoint = lastInstruction(image, "ENTRYPOINT").orElseThrow();
        assertEquals(List.of("java", "@jvm.options", "-jar", "quarkus-run.jar"),
                stream(new ObjectMapper().readTree(entrypoint)).map(JsonNode::asText).toList(),
                "docker/Dockerfile.jvm ENTRYPOINT");
        assertEquals(Optional.of("/deployments"), lastInstruction(image, "WORKDIR"), "docker/Dockerfile.jvm WORKDIR");
        assertTrue(image.stream().anyMatch(i -> i.matches("COPY .*docker/jvm.options /deployments/?")),
                "docker/Dockerfile.jvm must copy docker/jvm.options to /deployments");

        assertTrue(container().path("command").isMissingNode() && container().path("args").isMissingNode(),
                "the Deployment must start the image's entrypoint as it is (no command or args)");
        assertTrue(Files.readString(ROOT.resolve("bench/lib.sh")).contains("$PROJECT_DIR/docker/jvm.options"),
                "bench/lib.sh must run the service with docker/jvm.options");
    }

    static long preStopSleepSeconds(JsonNode container) {
        JsonNode preStop = container.path("lifecycle").path("preStop");
        if (preStop.path("sleep").has("seconds")) {
            return preStop.path("sleep").path("seconds").asLong();
        }
        List<String> command = stream(preStop.path("exec").path("command")).map(JsonNode::asText).toList();
        for (int i = 0; i + 1 < command.size(); i++) {
            if (command.get(i).endsWith("sleep") && command.get(i + 1).matches("\\d+")) {
                return Long.parseLong(command.get(i + 1));
            }
        }
        return 0;
    }

    /** Quarkus' duration syntax: "20" (seconds), "20s", "500ms", "1m", "1h", "2d", or ISO-8601 "PT20S". */
    static Duration parseQuarkusDuration(String raw) {
        String value = raw.trim();
        Matcher expression = Pattern.compile("^\\$\\{[^:}]+:([^}]*)}$").matcher(value);
        if (expression.matches()) {
            value = expression.group(1).trim(); // ${some.key:20s} -> its default
        }
        Matcher m = Pattern.compile("^(\\d+)(ms|s|m|h|d)?$", Pattern.CASE_INSENSITIVE).matcher(value);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofSeconds(n);
            };
        }
        try {
            return Duration.parse(value.toUpperCase(Locale.ROOT).startsWith("P") ? value : "PT" + value);
        } catch (DateTimeParseException e) {
            throw new AssertionError("cannot parse the duration '" + raw + "'", e);
        }
    }

    @Test
    void durationsParseLikeQuarkus() {
        assertEquals(Duration.ofSeconds(20), parseQuarkusDuration("20s"));
        assertEquals(Duration.ofSeconds(20), parseQuarkusDuration("PT20S"));
        assertEquals(Duration.ofSeconds(20), parseQuarkusDuration("20"));
        assertEquals(Duration.ofMillis(500), parseQuarkusDuration("500ms"));
        assertEquals(Duration.ofMinutes(1), parseQuarkusDuration("1m"));
        assertEquals(Duration.ofSeconds(15), parseQuarkusDuration("${shutdown:15s}"));
        assertEquals("PAYDIANT_LOOKUP_CIRCUIT_BREAKER_DELAY_MS", toEnvName("paydiant.lookup.circuit-breaker-delay-ms"));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // (g) a stalled connection is closed within 30 s, but never while its request waits for the gateway
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void theIdleTimeoutClosesStalledConnectionsWithin30sAndOutlastsTheLongestRequest() {
        Properties props = applicationProperties();
        Map<String, String> settings = new TreeMap<>();
        String property = props.getProperty("%prod.quarkus.http.idle-timeout", props.getProperty("quarkus.http.idle-timeout"));
        assertNotNull(property, "set quarkus.http.idle-timeout: Quarkus' default keeps a stalled connection 30 minutes");
        settings.put("application.properties", property);
        for (Doc doc : k8sDocs()) {
            if ("ConfigMap".equals(doc.kind()) && doc.node().path("data").has("QUARKUS_HTTP_IDLE_TIMEOUT")) {
                settings.put(doc.source(), doc.node().path("data").path("QUARKUS_HTTP_IDLE_TIMEOUT").asText());
            }
        }
        // The longest a change's caller waits: for another change to the same wallet, then for its own (which goes on
        // after that, but answers). Reads are shorter: a lookup at its worst.
        Duration unlock = parseQuarkusDuration(props.getProperty("care.change-wait"))
                .plus(parseQuarkusDuration(props.getProperty("care.answer-timeout")));
        settings.forEach((where, raw) -> {
            Duration idle = parseQuarkusDuration(raw);
            assertTrue(idle.compareTo(Duration.ofSeconds(30)) <= 0, "the idle timeout in " + where + " (" + raw + ") is over 30 s");
            assertTrue(idle.compareTo(unlock) > 0, "the idle timeout in " + where + " (" + raw + ") would close the"
                    + " connection of an unlock still waiting for the gateway (up to " + unlock.toMillis() + " ms)");
        });
    }

    // ---------------------------------------------------------------------------------------------------------------
    // (h) monitoring: the ServiceMonitor scrapes the Service's metrics port, every alert is complete and has its
    //     runbook line in README.md, the dashboard is the JSON its ConfigMap is made from (AlertRulesTest checks
    //     their metrics against /q/metrics)
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void theServiceMonitorScrapesEveryPodOnThePortThatServesTheMetrics() {
        Doc monitor = k8sDocs().stream().filter(d -> "ServiceMonitor".equals(d.kind())).findFirst()
                .orElseGet(() -> fail("no ServiceMonitor under k8s/"));
        assertTrue(monitor.source().startsWith("k8s/monitoring/"), "the ServiceMonitor needs the Prometheus Operator's"
                + " CRDs: it belongs in the optional k8s/monitoring, not in base or an overlay (" + monitor.source() + ")");
        // The Service it selects: in k8s/monitoring, never the API's Service (an ingress exposes that one).
        List<JsonNode> selected = k8sDocs().stream().filter(d -> "Service".equals(d.kind()) && !isKustomization(d))
                .filter(d -> labelsMatch(monitor.node().path("spec").path("selector").path("matchLabels"),
                        d.node().path("metadata").path("labels")))
                .peek(d -> assertTrue(d.source().startsWith("k8s/monitoring/"), "the ServiceMonitor selects " + d.source()))
                .map(Doc::node).toList();
        assertEquals(1, selected.size(), "the ServiceMonitor must select exactly one Service");
        JsonNode service = selected.get(0);
        assertTrue(labelsMatch(service.path("spec").path("selector"),
                deployment().path("spec").path("template").path("metadata").path("labels")),
                "the metrics Service must select the Deployment's pods");

        // The container port that serves /q/metrics: the management interface's once it is on in prod.
        Properties props = applicationProperties();
        boolean management = Boolean.parseBoolean(props.getProperty("%prod.quarkus.management.enabled",
                props.getProperty("quarkus.management.enabled", "false")));
        String metricsPort = management ? "management" : "http";
        Set<String> containerPorts = new TreeSet<>();
        container().path("ports").forEach(port -> containerPorts.add(port.path("name").asText()));
        assertTrue(containerPorts.contains(metricsPort), "the container has no port " + metricsPort + ": " + containerPorts);

        Map<String, String> targetPorts = new TreeMap<>();
        service.path("spec").path("ports").forEach(port -> targetPorts.put(port.path("name").asText(), port.path("targetPort").asText()));
        JsonNode endpoints = monitor.node().path("spec").path("endpoints");
        assertTrue(endpoints.size() > 0, "the ServiceMonitor has no endpoint");
        for (JsonNode endpoint : endpoints) {
            String port = endpoint.path("port").asText();
            assertTrue(targetPorts.containsKey(port), "the ServiceMonitor scrapes port " + port + "; the Service has " + targetPorts.keySet());
            assertEquals(metricsPort, targetPorts.get(port), "the metrics Service must point at the container port that"
                    + " serves /q/metrics (" + (management ? "quarkus.management.enabled: the management port" : "the HTTP port") + ")");
            assertEquals("/q/metrics", endpoint.path("path").asText());
        }
    }

    static boolean labelsMatch(JsonNode wanted, JsonNode labels) {
        if (wanted.size() == 0) {
            return false;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = wanted.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> label = fields.next();
            if (!label.getValue().asText().equals(labels.path(label.getKey()).asText())) {
                return false;
            }
        }
        return true;
    }

    @Test
    void everyAlertIsCompleteAndHasItsRunbookLineInTheReadme() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        List<Doc> rules = k8sDocs().stream().filter(d -> "PrometheusRule".equals(d.kind())).toList();
        assertEquals(1, rules.size(), "expected one PrometheusRule (k8s/monitoring/prometheusrule.yaml)");
        List<String> alerts = new ArrayList<>();
        for (JsonNode group : rules.get(0).node().path("spec").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String alert = rule.path("alert").asText();
                alerts.add(alert);
                assertFalse(alert.isBlank() || rule.path("expr").asText().isBlank(), "a rule without alert or expr: " + rule);
                assertTrue(Set.of("critical", "warning").contains(rule.path("labels").path("severity").asText()),
                        alert + ": severity critical or warning");
                assertFalse(rule.path("annotations").path("summary").asText().isBlank(), alert + ": no summary");
                assertEquals("README.md, Alerts: " + alert, rule.path("annotations").path("runbook").asText());
                assertTrue(Pattern.compile("(?m)^- \\*\\*`" + alert + "`\\*\\*").matcher(readme).find(),
                        "README.md has no runbook line \"- **`" + alert + "`** ...\"");
                if (rule.has("for")) {
                    parseQuarkusDuration(rule.path("for").asText()); // a Prometheus duration: 5m, 10m
                }
            }
        }
        assertTrue(alerts.containsAll(List.of("WalletCareGatewayBreakerOpen", "WalletCareGatewayAuthFailed",
                "WalletCareJournalUnavailable", "WalletCareRecoveriesFailing", "WalletCareUnlockIncomplete",
                "WalletCareHighServerErrorRate")), alerts::toString);
    }

    @Test
    void theDashboardConfigMapIsMadeFromTheDashboardJson() throws IOException {
        Path dir = ROOT.resolve("k8s/monitoring/grafana");
        JsonNode kustomization = readYaml(dir.resolve("kustomization.yaml")).get(0);
        assertEquals("1", kustomization.path("generatorOptions").path("labels").path("grafana_dashboard").asText(),
                "Grafana's sidecar loads ConfigMaps labelled grafana_dashboard: \"1\"");
        List<String> files = new ArrayList<>();
        kustomization.path("configMapGenerator").forEach(g -> g.path("files").forEach(f -> files.add(f.asText())));
        assertEquals(List.of("wallet-care-bff.json"), files);
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(dir.resolve(files.get(0))));
        assertEquals("wallet-care-bff", dashboard.path("uid").asText());
        assertTrue(dashboard.path("panels").size() >= 10, "the dashboard has its panels");
        for (JsonNode resource : readYaml(ROOT.resolve("k8s/monitoring/kustomization.yaml")).get(0).path("resources")) {
            assertTrue(Files.exists(ROOT.resolve("k8s/monitoring").resolve(resource.asText())), "missing " + resource.asText());
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // reading the files
    // ---------------------------------------------------------------------------------------------------------------

    record Doc(String source, JsonNode node) {
        String kind() {
            return node.path("kind").asText();
        }
    }

    static boolean isKustomization(Doc doc) {
        return doc.source().endsWith("kustomization.yaml") || doc.source().endsWith("kustomization.yml");
    }

    /** Every YAML document under k8s/, plus the inline patches of the kustomizations (they can hold manifests too). */
    static List<Doc> k8sDocs() {
        Path k8s = ROOT.resolve("k8s");
        assertTrue(Files.isDirectory(k8s), "no k8s/ directory under " + ROOT);
        List<Doc> docs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(k8s)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted().toList()) {
                String source = ROOT.relativize(file).toString().replace('\\', '/');
                for (JsonNode node : readYaml(file)) {
                    Doc doc = new Doc(source, node);
                    docs.add(doc);
                    if (isKustomization(doc)) {
                        for (JsonNode patch : node.path("patches")) {
                            for (JsonNode inline : readYaml(patch.path("patch").asText(""))) {
                                docs.add(new Doc(source, inline));
                            }
                        }
                        for (JsonNode patch : node.path("patchesStrategicMerge")) {
                            readYaml(patch.asText("")).forEach(inline -> docs.add(new Doc(source, inline)));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    static JsonNode deployment() {
        List<Doc> deployments = k8sDocs().stream()
                .filter(d -> "Deployment".equals(d.kind()) && d.source().startsWith("k8s/base/") && !isKustomization(d))
                .toList();
        assertEquals(1, deployments.size(), "expected exactly one Deployment in k8s/base/, found " + deployments.size());
        return deployments.get(0).node();
    }

    static JsonNode container() {
        JsonNode containers = deployment().path("spec").path("template").path("spec").path("containers");
        assertTrue(containers.size() > 0, "the Deployment has no container");
        for (JsonNode c : containers) {
            if ("wallet-care-bff".equals(c.path("name").asText())) {
                return c;
            }
        }
        return containers.get(0);
    }

    static List<JsonNode> readYaml(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return readAll(YAML.readerFor(JsonNode.class).readValues(reader));
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file + " as YAML: " + e.getMessage(), e);
        }
    }

    static List<JsonNode> readYaml(String text) {
        if (text.isBlank()) {
            return List.of();
        }
        try {
            return readAll(YAML.readerFor(JsonNode.class).readValues(text));
        } catch (IOException e) {
            throw new AssertionError("cannot read an inline kustomize patch as YAML: " + e.getMessage(), e);
        }
    }

    static List<JsonNode> readAll(MappingIterator<JsonNode> it) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        while (it.hasNextValue()) {
            JsonNode node = it.nextValue();
            if (node != null && !node.isNull() && !node.isMissingNode()) {
                nodes.add(node);
            }
        }
        return nodes;
    }

    static Properties applicationProperties() {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("src/main/resources/application.properties"))) {
            props.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }

    static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        Iterator<JsonNode> it = array.elements();
        it.forEachRemaining(items::add);
        return items.stream();
    }

    /** Surefire runs in the project root; walk up from the working directory in case an IDE runs elsewhere. */
    static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("k8s"))) {
                return dir;
            }
        }
        return fail("run from the project root: no directory with pom.xml and k8s/ above " + Path.of("").toAbsolutePath());
    }
}
