package com.walletcare.bff.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.walletcare.bff.customer.WalletState;
import com.walletcare.bff.testing.GatewayTest;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * A bounded randomized run against the simulator's fault mode: 15 % of gateway calls fail (5xx, resets, garbled
 * answers, answers lost after the change was applied), every call is a little slow. One agent per wallet makes random
 * changes, one after the other, and every claim an answer makes is checked against what the simulator holds once the
 * answer is in: the status of a 2xx, "not changed", the status of UNLOCK_INCOMPLETE. Before each new change, the last
 * claimed state is checked again, so a late write of an earlier call would show. WireMock proxies every call to the
 * simulator, as in {@link GatewaySimulatorTest}.
 */
@QuarkusTest
class FaultySimulatorTest extends GatewayTest {

    private static final List<String> WALLETS = List.of("latYxDdNJhzm", "vmiTxZcaSEym", "qPzR4mWd8sKe", "rG5nB8yTz2Wc",
            "hT7vXk2LmNq9");
    private static final List<String> ACTIONS = List.of("unlock", "activate", "deactivate");
    /** At least 10 s and 150 checked claims, at most 25 s: a loaded build machine gets fewer calls done. */
    private static final long MIN_MILLIS = 10_000;
    private static final long MAX_MILLIS = 25_000;
    private static final int ENOUGH_CLAIMS = 150;

    @TestHTTPResource("/")
    URL self;

    @Inject
    GatewaySimulator simulator;

    private final List<String> contradictions = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger claimsChecked = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();

    @BeforeEach
    void aSlowLossyGateway() {
        simulator.reset();
        simulator.faults(new SimulatedFaults(20, 150, 0.04, 0.04, 0.035, 0.035));
        gateway.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(self.toString().replaceAll("/$", ""))));
    }

    @AfterEach
    void healthyAgain() {
        simulator.reset();
    }

    @Test
    void noAnswerIsContradictedByTheGatewaysStateOnceItsCallsHaveSettled() throws Exception {
        long start = System.currentTimeMillis();
        ExecutorService agents = Executors.newFixedThreadPool(WALLETS.size());
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (String wallet : WALLETS) {
                runs.add(agents.submit(() -> changeAtRandom(wallet, start)));
            }
            for (Future<?> run : runs) {
                run.get(MAX_MILLIS + 30_000, TimeUnit.MILLISECONDS);
            }
        } finally {
            agents.shutdownNow();
        }

        assertEquals(List.of(), contradictions);
        assertTrue(claimsChecked.get() >= 30, "only " + claimsChecked.get() + " claims checked");
        assertTrue(failures.get() > 0, "the faults were felt");
    }

    private void changeAtRandom(String wallet, long start) {
        WalletState claimed = gatewayState(wallet);
        while (running(System.currentTimeMillis() - start)) {
            if (claimed != null && !claimed.equals(gatewayState(wallet))) {
                contradictions.add(wallet + ": changed after the answer that claimed " + claimed + " (a late write)");
            }
            if (ThreadLocalRandom.current().nextInt(4) == 0) {
                RestAssured.when().post("/simulator/customers/" + wallet + "/lock").then().statusCode(204);
            }
            WalletState before = gatewayState(wallet);
            String action = ACTIONS.get(ThreadLocalRandom.current().nextInt(ACTIONS.size()));
            Response answer = client().when().post("/customers/" + wallet + "/" + action);
            WalletState now = gatewayState(wallet);
            claimed = check(wallet + " " + action + " from " + before, answer, before, now);
        }
    }

    private boolean running(long elapsed) {
        return elapsed < MIN_MILLIS || elapsed < MAX_MILLIS && claimsChecked.get() < ENOUGH_CLAIMS;
    }

    /** Checks the answer's claims against the gateway's state; returns the state it claims, or null if none. */
    private WalletState check(String call, Response answer, WalletState before, WalletState now) {
        JsonPath body = answer.jsonPath();
        if (answer.statusCode() == 200) {
            claim(call, answer, now.status().name().equals(body.getString("customer.status")));
            return now;
        }
        failures.incrementAndGet();
        String code = body.getString("code");
        String detail = body.getString("detail");
        if ("UNLOCK_INCOMPLETE".equals(code) && body.getString("customerStatus") != null) {
            claim(call, answer, now.status().name().equals(body.getString("customerStatus")));
            return now;
        }
        if ("CUSTOMER_DEACTIVATED".equals(code) || detail != null && detail.contains("not changed")) {
            claim(call, answer, now.equals(before));
            return now;
        }
        return null;
    }

    private void claim(String call, Response answer, boolean holds) {
        claimsChecked.incrementAndGet();
        if (!holds) {
            contradictions.add(call + " answered " + answer.statusCode() + " " + answer.body().asString());
        }
    }

    private WalletState gatewayState(String wallet) {
        boolean[] flags = simulator.flags().get(wallet);
        return new WalletState(flags[0], flags[1]);
    }
}
