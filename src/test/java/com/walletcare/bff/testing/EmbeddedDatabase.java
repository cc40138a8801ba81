package com.walletcare.bff.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL for the tests, started from Maven artifacts (no Docker) on a free port, and the service's
 * datasource pointed at it: the care journal runs on PostgreSQL in every @QuarkusTest, Flyway migrating it at start.
 */
public class EmbeddedDatabase implements QuarkusTestResourceLifecycleManager {

    public static final String USER = "postgres";
    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int port = postgres.getPort();
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://localhost:" + port + "/postgres",
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + port + "/postgres",
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", USER);
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Empties the journal: each test starts with no history, no leases, no holds and no counted hits. */
    public static void clear(String jdbcUrl) {
        execute(jdbcUrl, "TRUNCATE wallet_change, hit_counter, wallet_hold");
    }

    /** The first column of the first row of a query, as text; null when there is no row. */
    public static String text(String jdbcUrl, String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, USER, USER);
                Statement statement = connection.createStatement();
                java.sql.ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs one statement, as an operator at a psql prompt would. */
    public static void execute(String jdbcUrl, String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, USER, USER);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
