package com.walletcare.bff.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.walletcare.bff.testing.TestLog;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;

/** The journal's pool, as measured: by the pool's gauges, not by a gauge that follows one of its connections. */
@QuarkusTest
class JournalPoolTest {

    @Inject
    Pool pool;

    @Test
    void aPoolOfSeveralConnectionsIsMeasuredAsAPoolAndNoGaugeIsRegisteredTwice() {
        // Four statements at once: the pool opens a connection for each that it has not opened yet.
        Uni.join().all(IntStream.range(0, 4).mapToObj(i -> pool.query("SELECT pg_sleep(0.2)").execute()).toList())
                .andFailFast().await().atMost(Duration.ofSeconds(10));

        List<String> metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> !line.startsWith("#")).toList();

        assertEquals(List.of(), metrics.stream().filter(line -> line.startsWith("postgresql_queue_size")
                || line.startsWith("postgresql_current")).toList(), "gauges of one connection");
        for (String poolGauge : List.of("sql_pool_queue_size{", "sql_pool_active{", "sql_pool_idle{")) {
            assertTrue(metrics.stream().anyMatch(line -> line.startsWith(poolGauge)), poolGauge + " in\n" + String.join("\n", metrics));
        }
        // This test JVM's services only: the log file keeps earlier runs'.
        assertEquals(List.of(), TestLog.records().stream()
                .filter(record -> record.path("processId").asLong() == ProcessHandle.current().pid())
                .filter(record -> record.path("message").asText().contains("already registered")).toList());
    }
}
