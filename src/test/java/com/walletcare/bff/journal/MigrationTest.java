package com.walletcare.bff.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The journal's migrations, as Flyway runs them at start: on an empty database, and on one at the previous version. */
class MigrationTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    private static DataSource database(String name) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return postgres.getDatabase("postgres", name);
    }

    private static Flyway flyway(DataSource database, String target) {
        return Flyway.configure().dataSource(database).locations("classpath:db/migration").target(target).load();
    }

    private static long count(DataSource database, String query) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void anEmptyDatabaseIsMigratedToTheLatestVersion() throws SQLException {
        DataSource database = database("empty");

        assertEquals(5, flyway(database, "latest").migrate().migrationsExecuted);

        assertEquals(0, count(database, "SELECT count(*) FROM wallet_change"));
        assertEquals(0, count(database, "SELECT count(*) FROM hit_counter"));
        assertEquals(0, flyway(database, "latest").migrate().migrationsExecuted, "a restart migrates nothing");
    }

    @Test
    void aDatabaseAtThePreviousVersionKeepsItsHistoryWhenMigrated() throws SQLException {
        DataSource database = database("previous");
        flyway(database, "2").migrate();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            // Inserted out of id order: the history order that the migration gives them is their ids'.
            statement.execute("""
                    INSERT INTO wallet_change (id, customer_id, action, agent, request_id, outcome, finished_at)
                    VALUES ('01KBN6Z3Q8R2V5X7Y9A1C3E5G9', 'vmiTxZcaSEym', 'DEACTIVATE', 'agent.alice', 'r-2', 'DEACTIVATED', now()),
                           ('01KBN6Z3Q8R2V5X7Y9A1C3E5G7', 'vmiTxZcaSEym', 'UNLOCK', 'agent.alice', 'r-1', 'UNLOCKED', now())""");
        }

        assertEquals(3, flyway(database, "latest").migrate().migrationsExecuted);

        assertEquals(1, count(database, "SELECT count(*) FROM wallet_change WHERE outcome = 'UNLOCKED' AND matched IS NULL"));
        assertEquals(0, count(database, "SELECT count(*) FROM hit_counter"));
        assertEquals(1, count(database, "SELECT seq FROM wallet_change WHERE request_id = 'r-1'"));
        assertEquals(2, count(database, "SELECT seq FROM wallet_change WHERE request_id = 'r-2'"));
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO wallet_change (id, customer_id, action, agent, request_id)
                    VALUES ('00000000000000000000000000', 'vmiTxZcaSEym', 'UNLOCK', 'agent.bob', 'r-3')""");
        }
        assertEquals(3, count(database, "SELECT seq FROM wallet_change WHERE request_id = 'r-3'"),
                "a new entry comes after every migrated one, whatever its id");
    }
}
