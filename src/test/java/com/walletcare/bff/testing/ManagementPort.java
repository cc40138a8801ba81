package com.walletcare.bff.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A free port for the packaged jar's management interface (health, metrics), handed to the jar as
 * {@code quarkus.management.port}: Quarkus logs no line naming it, and a fixed port would collide with another build
 * on the same machine.
 */
public class ManagementPort implements QuarkusTestResourceLifecycleManager {

    /** A system property: the test class and this resource may be loaded by different class loaders. */
    private static final String PROPERTY = "wallet-care.test.management-port";

    /** The port the jar under test serves /q/health and /q/metrics on. */
    public static int port() {
        return Integer.getInteger(PROPERTY, 0);
    }

    @Override
    public Map<String, String> start() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty(PROPERTY, String.valueOf(port));
        // The jar is built with the management interface on (%prod), but runs here in the test profile, where the
        // runtime value is off: the routes move to it and nothing listens. Said again at run time, it starts.
        return Map.of("quarkus.management.enabled", "true", "quarkus.management.port", String.valueOf(port),
                "quarkus.management.host", "127.0.0.1");
    }

    @Override
    public void stop() {
    }
}
