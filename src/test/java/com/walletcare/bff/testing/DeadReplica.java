package com.walletcare.bff.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.walletcare.bff.customer.WalletStatus;
import com.walletcare.bff.care.ChangeIntent;
import com.walletcare.bff.care.Lease;

/**
 * What a replica that died half-way through a change leaves in the journal: an open entry, its status before
 * recorded, held by a replica that renews nothing any more, its lease already run out.
 */
@ApplicationScoped
public class DeadReplica {

    private record Dead(String id, ChangeIntent intent) implements Lease {
    }


    /** Optional: the profiles without a database have this bean too. */
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    Optional<String> database;

    public Lease diedDuring(ChangeIntent intent, WalletStatus before) {
        String id = "01" + UUID.randomUUID().toString().replace("-", "").toUpperCase().substring(0, 24)
                .replaceAll("[ILOU]", "X");
        try (Connection connection = DriverManager.getConnection(database.orElseThrow(), EmbeddedDatabase.USER, EmbeddedDatabase.USER);
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO wallet_change (id, customer_id, action, agent, reason, ticket_id, request_id,
                                                   status_before, holder, lease_until, requested_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'dead-replica', now() - interval '1 second', now() - interval '20 seconds')""")) {
            insert.setString(1, id);
            insert.setString(2, intent.customerId());
            insert.setString(3, intent.action().name());
            insert.setString(4, intent.agent());
            insert.setString(5, intent.reason() == null ? null : intent.reason().name());
            insert.setString(6, intent.ticketId());
            insert.setString(7, intent.requestId());
            insert.setString(8, before.name());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Dead(id, intent);
    }
}
