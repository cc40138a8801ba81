package com.walletcare.bff.journal;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/**
 * The journal's connection pool, as Quarkus configures it, less the pool's connection timeout. vertx-sql-client 4.5
 * arms a timer of that length for every statement and, when getting a connection fails (the database restarting),
 * fails the statement at once without cancelling the timer, which then fails it a second time: an uncaught
 * "IllegalStateException: Result is already complete" on the event loop for each statement tried during the restart
 * (eclipse-vertx/vertx-sql-client#1706). Without the timer a failed connection fails its statement once, with the
 * connection's own error; a database that does not answer at all is bounded by the connect timeout, and every change
 * by care.answer-timeout.
 */
@Singleton
class JournalPool implements PgPoolCreator {

    @Override
    @SuppressWarnings("deprecation") // PgPool.pool: the type Quarkus expects back from a creator
    public Pool create(Input input) {
        PoolOptions options = new PoolOptions(input.poolOptions()).setConnectionTimeout(0);
        return PgPool.pool(input.vertx(), input.pgConnectOptionsList(), options);
    }

    /**
     * The pool's connections' own gauges, left unregistered: they could only show one connection. vertx-pg-client
     * asks the Vert.x metrics for a client's metrics once per connection it opens, and Quarkus's Micrometer binder
     * registers a new set for each under one id ({@code postgresql.*{clientName=<default>, clientType=sql}}). Timers
     * and counters of one id are one meter, which every connection feeds; a gauge of one id stays bound to the first
     * connection's value, and registering it again was refused with a WARN at the second connection
     * ("postgresql.queue.size gauge already registered"; quarkusio/quarkus#47504). So {@code postgresql_queue_size} and
     * {@code postgresql_current} followed the first connection only. The pool's own gauges count them all:
     * {@code sql_pool_queue_size}, {@code sql_pool_active}, {@code sql_pool_idle}.
     */
    @Produces
    @Singleton
    MeterFilter noPerConnectionGauges() {
        return MeterFilter.deny(id -> id.getType() == Meter.Type.GAUGE && "sql".equals(id.getTag("clientType")));
    }
}
