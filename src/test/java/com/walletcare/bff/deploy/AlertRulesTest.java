package com.walletcare.bff.deploy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.walletcare.bff.customer.WalletAction;
import com.walletcare.bff.customer.WalletStatus;
import com.walletcare.bff.care.ChangeIntent;
import com.walletcare.bff.testing.DeadReplica;
import com.walletcare.bff.testing.GatewayTest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The alert rules and the dashboard in k8s/monitoring use only metrics the service exports, with labels those metrics
 * have: after the traffic each needs (a change, a verification, a failing gateway that opens a breaker, a recovery),
 * every selector of every expression is matched against /q/metrics.
 */
@QuarkusTest
class AlertRulesTest extends GatewayTest {

    private static final String PAUL = "vmiTxZcaSEym";
    /** Labels Prometheus adds when it scrapes (ServiceMonitor: the Service's name as job, the pod), not the service. */
    private static final Set<String> SCRAPE_LABELS = Set.of("job", "pod", "namespace", "instance", "service");
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)}");
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(?:=~|!~|!=|=)\\s*\"");

    @Inject
    DeadReplica deadReplica;

    @Test
    void everyMetricAndLabelTheAlertsAndTheDashboardUseIsExported() throws IOException {
        walletAtGateway(PAUL, true, true);
        client().when().post("/customers/" + PAUL + "/unlock").then().statusCode(200);
        client().body("{\"zip\": \"92651\", \"birthday\": \"07/10/1969\"}").when()
                .post("/customers/" + PAUL + "/verification").then().statusCode(200);
        deadReplica.diedDuring(new ChangeIntent(PAUL, WalletAction.UNLOCK, "agent.alice", null, null, "crashed-alerts"),
                WalletStatus.LOCKED);
        // The recovery sweep (every care.journal.sweep-interval) finishes it.
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> exported().containsKey("care_recoveries_total"));
        gateway.resetAll();
        gateway.stubFor(lookupCall().willReturn(aResponse().withStatus(500)));
        for (int i = 0; i < 3; i++) { // 3 x 3 attempts: the lookup breaker (volume 6 in tests) opens
            client().body("{\"phone\": \"9991234444\"}").when().post("/customers/search").then().statusCode(503);
        }

        Map<String, Set<String>> exported = exported();
        List<String> expressions = new ArrayList<>();
        ObjectMapper yaml = ManifestConsistencyTest.YAML;
        JsonNode rules = yaml.readTree(Files.readString(Path.of("k8s/monitoring/prometheusrule.yaml")));
        rules.path("spec").path("groups").forEach(group -> group.path("rules").forEach(rule -> expressions.add(rule.path("expr").asText())));
        new ObjectMapper().readTree(Files.readString(Path.of("k8s/monitoring/grafana/wallet-care-bff.json"))).findValues("expr")
                .forEach(expr -> expressions.add(expr.asText()));
        assertFalse(expressions.isEmpty());

        Set<String> problems = new TreeSet<>();
        for (String expression : expressions) {
            Matcher selector = SELECTOR.matcher(expression);
            boolean any = false;
            while (selector.find()) {
                any = true;
                String name = selector.group(1);
                if (!exported.containsKey(name)) {
                    String family = name.replaceAll("_[a-z]+$", "");
                    problems.add(name + " is not exported (in: " + expression.strip() + "); exported: "
                            + exported.keySet().stream().filter(n -> n.startsWith(family)).sorted().toList());
                    continue;
                }
                Matcher label = MATCHER.matcher(selector.group(2));
                while (label.find()) {
                    if (!SCRAPE_LABELS.contains(label.group(1)) && !exported.get(name).contains(label.group(1))) {
                        problems.add(name + " has no label " + label.group(1) + " (it has " + exported.get(name) + ")");
                    }
                }
            }
            if (!any) {
                problems.add("no metric selector name{...} in: " + expression.strip());
            }
        }
        assertEquals(Set.of(), problems);
    }

    /** Metric name -> every label name its series carry, from /q/metrics. */
    private static Map<String, Set<String>> exported() {
        Map<String, Set<String>> names = new HashMap<>();
        Pattern line = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{([^}]*)})? ");
        Matcher m = line.matcher(RestAssured.when().get("/q/metrics").then().statusCode(200).extract().asString());
        while (m.find()) {
            Set<String> labels = names.computeIfAbsent(m.group(1), n -> new HashSet<>());
            if (m.group(2) != null) {
                Matcher label = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"").matcher(m.group(2));
                while (label.find()) {
                    labels.add(label.group(1));
                }
            }
        }
        return names;
    }
}
