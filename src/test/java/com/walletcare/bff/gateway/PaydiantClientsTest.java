package com.walletcare.bff.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;

/**
 * Which REST client a gateway call takes: the one of the event loop it runs on (so its connections live on that loop),
 * or the injected one off the loops. That each of them is configured like the injected one, every test that drives a
 * search or a change over HTTP shows: those calls run on the event loops.
 */
@QuarkusTest
class PaydiantClientsTest {

    @Inject
    PaydiantClients clients;

    @Inject
    @RestClient
    PaydiantClient injected;

    @Inject
    Vertx vertx;

    @Test
    void aCallOnAnEventLoopTakesThatLoopsOwnClientAndAnyOtherThreadTheInjectedOne() throws Exception {
        Map<Thread, PaydiantClient> seen = new HashMap<>();
        for (int i = 0; i < 8; i++) {
            // Contexts made one after another are spread over the event loops.
            Context context = ((VertxInternal) vertx).createEventLoopContext();
            CompletableFuture<Map.Entry<Thread, PaydiantClient>> taken = new CompletableFuture<>();
            context.runOnContext(nothing -> taken.complete(Map.entry(Thread.currentThread(), clients.current())));
            Map.Entry<Thread, PaydiantClient> entry = taken.get(5, TimeUnit.SECONDS);
            PaydiantClient before = seen.putIfAbsent(entry.getKey(), entry.getValue());
            if (before != null) {
                assertSame(before, entry.getValue(), "one client per loop");
            }
            assertNotSame(injected, entry.getValue());
        }
        assertTrue(seen.size() > 1, "the contexts ran on " + seen.keySet());
        assertEquals(seen.size(), seen.values().stream().distinct().count(), "a client of its own per loop");
        assertSame(injected, clients.current(), "off the event loops");
    }
}
