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

    private static volatile int port;

    /** The port the jar under test serves /q/health and /q/metrics on. */
    public static int port() {
        return port;
    }

    @Override
    public Map<String, String> start() {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("quarkus.management.port", String.valueOf(port));
    }

    @Override
    public void stop() {
    }
}
