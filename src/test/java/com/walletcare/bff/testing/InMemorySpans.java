package com.walletcare.bff.testing;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

/**
 * The spans the service ended, kept in memory for the tests to read (test.quarkus.otel.bsp.schedule.delay makes them
 * arrive within milliseconds). Being a span exporter bean, it also keeps Quarkus from installing its OTLP exporter in
 * the tests, as the application's own no-endpoint exporter does outside them.
 */
@Singleton
public class InMemorySpans {

    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }
}
