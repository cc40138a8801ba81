package com.walletcare.bff.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.walletcare.bff.testing.TightLimitsProfile;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Connections that never complete their request are closed: here after the 5 s idle timeout of TightLimitsProfile
 * (30 s in prod, asserted by ManifestConsistencyTest). Raw sockets, as no HTTP client sends half a request.
 */
@QuarkusTest
@TestProfile(TightLimitsProfile.class)
class SlowClientTest {

    /** Far above the 5 s idle timeout, far below the 30 minutes of Quarkus' default. */
    private static final int PATIENCE_MS = 15_000;

    @TestHTTPResource("/")
    URL service;

    @Test
    void aConnectionThatStopsInTheMiddleOfItsHeadersIsClosed() throws IOException {
        assertClosedAfterSending("POST /customers/search HTTP/1.1\r\nHost: localhost\r\nContent-Type: appl");
    }

    @Test
    void aConnectionThatStopsInTheMiddleOfItsBodyIsClosed() throws IOException {
        assertClosedAfterSending("POST /customers/search HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 40\r\n\r\n{\"phone\": \"99");
    }

    private void assertClosedAfterSending(String part) throws IOException {
        try (Socket socket = new Socket(service.getHost(), service.getPort())) {
            socket.setSoTimeout(PATIENCE_MS); // a read that outlasts it fails the test with SocketTimeoutException
            socket.getOutputStream().write(part.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            while (in.read() != -1) {
                // whatever the server answers before it closes (nothing, or an error) is not the point
            }
            assertEquals(-1, in.read(), "the server closed the connection");
        }
    }
}
