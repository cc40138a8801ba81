package com.walletcare.bff.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A plain unit test: outside Quarkus the launch mode is NORMAL, as in production. */
class IdentityProviderWarningTest {

    private final Logger logger = Logger.getLogger(IdentityProviderWarning.class.getName());
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        logger.addHandler(capture);
        logger.setUseParentHandlers(false);
    }

    @AfterEach
    void release() {
        logger.removeHandler(capture);
        logger.setUseParentHandlers(true);
    }

    @Test
    void aStartWithoutAnIdentityProviderSaysSoOnce() {
        new IdentityProviderWarning().warn(null, false);

        assertEquals(1, records.size());
        assertEquals(Level.WARNING, records.get(0).getLevel());
        assertTrue(records.get(0).getMessage().contains("QUARKUS_OIDC_AUTH_SERVER_URL"), records.get(0).getMessage());
    }

    @Test
    void aStartWithOneIsQuiet() {
        new IdentityProviderWarning().warn(null, true);

        assertTrue(records.isEmpty());
    }
}
