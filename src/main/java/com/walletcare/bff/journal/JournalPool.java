package com.walletcare.bff.journal;

import jakarta.inject.Singleton;

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
}
