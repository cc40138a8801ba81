package com.walletcare.bff.gateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.logging.Log;
import io.quarkus.rest.client.reactive.runtime.RestClientCDIDelegateBuilder;
import io.vertx.core.Context;

/**
 * The REST client a gateway call goes through: one per Vert.x event loop, each built from the same configuration as
 * the injected one ({@code quarkus.rest-client.paydiant.*}, by the builder Quarkus uses for it).
 *
 * <p>Why not the injected client alone: its connection pool hands a request whichever idle connection it used last,
 * whatever event loop that connection lives on (Vert.x 4.5's HTTP client pool picks by recency, never by loop), so a
 * call made on one loop is written and read on another and handed between two threads on the way out and on the way
 * back: at one connection 18-20 context switches per search instead of 4 (bench/RESULTS.md, "Gateway calls on the
 * asking event loop"), on CPUs the service shares. A client used from one loop only opens its connections on that
 * loop (its pool makes them on the caller's), so an exchange stays on the thread that asked. A call from any other thread (the start-up credentials check, a worker) takes the injected client.
 * {@code RestClientCDIDelegateBuilder} is Quarkus' own runtime class (what the injected client is built with), not a
 * published API: a Quarkus upgrade that changes it fails this class's compilation, not a call.
 */
@Singleton
class PaydiantClients {

    private final PaydiantClient offLoop;
    private final Map<Thread, PaydiantClient> byLoop = new ConcurrentHashMap<>();

    PaydiantClients(@RestClient PaydiantClient offLoop) {
        this.offLoop = offLoop;
    }

    PaydiantClient current() {
        if (!Context.isOnEventLoopThread()) {
            return offLoop;
        }
        return byLoop.computeIfAbsent(Thread.currentThread(),
                loop -> RestClientCDIDelegateBuilder.createDelegate(PaydiantClient.class, null, "paydiant"));
    }

    /** Each client closed on its own: one that fails to close leaves the others' connections to be closed. */
    @PreDestroy
    void close() {
        for (PaydiantClient client : byLoop.values()) {
            try {
                ((AutoCloseable) client).close();
            } catch (Exception e) {
                Log.debugf(e, "A gateway client did not close");
            }
        }
    }
}
