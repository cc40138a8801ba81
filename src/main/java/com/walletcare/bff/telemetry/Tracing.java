package com.walletcare.bff.telemetry;

import java.util.List;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import io.quarkus.arc.lookup.LookupIfProperty;

/**
 * How traces leave the service, and which are kept.
 *
 * <p><b>Export only to a configured endpoint.</b> Quarkus' OTLP exporter sends to {@code localhost:4317} when no
 * endpoint is set, and logs a failure for every batch nobody receives. Here export is on exactly when an endpoint is
 * configured: {@code OTEL_EXPORTER_OTLP_ENDPOINT} or {@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT} (or their
 * {@code _TRACES_} forms; application.properties maps the standard names onto Quarkus' keys). Without one, the
 * exporter below is a bean, and Quarkus installs no OTLP exporter while any {@link SpanExporter} bean exists.
 *
 * <p><b>Nothing recorded for nobody.</b> With that exporter the only one, the sampler keeps no span: recording spans
 * (their attributes, the batch processor's thread) only to drop them cost 2.6 KB of allocation per search (3.5 %,
 * bench/alloc.sh). Span contexts are still made, so the trace and span ids are in the logs and the {@code traceparent}
 * sent to the gateway carries the caller's trace, flagged "not sampled". The tests' in-memory exporter is a second
 * exporter bean, so the tests record as a service with an endpoint does.
 *
 * <p><b>Sampling.</b> A call that brings a {@code traceparent} follows its sampled flag; of the traces that start
 * here, the fraction {@code quarkus.otel.traces.sampler.arg} ({@code OTEL_TRACES_SAMPLER_ARG}, 1.0 by default) is kept.
 * A client call with no parent is never kept: those are the journal's timers (lease renewal every 5 s, the recovery
 * sweep, the availability probe) and the start-up credentials check, a root trace each, with nothing asked by anyone.
 */
@Singleton
class Tracing {

    /** No URL is this: the condition below then reads "the property is not set". */
    private static final String UNSET = "-";

    @Produces
    @Singleton
    @LookupIfProperty(name = "quarkus.otel.exporter.otlp.endpoint", stringValue = UNSET, lookupIfMissing = true)
    @LookupIfProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint", stringValue = UNSET, lookupIfMissing = true)
    SpanExporter noEndpointNoExport() {
        return SpanExporter.composite();
    }

    @Produces
    @Singleton
    Sampler sampler(@ConfigProperty(name = "quarkus.otel.traces.sampler.arg", defaultValue = "1.0") double ratio,
            Instance<SpanExporter> exporters) {
        if (exporters.isResolvable() && exporters.getHandle().getBean().getBeanClass() == Tracing.class) {
            return Sampler.alwaysOff();
        }
        return Sampler.parentBased(new NoOrphanClientSpans(Sampler.traceIdRatioBased(ratio)));
    }

    /** For root spans only (parentBased delegates the rest): drops client spans that nothing started. */
    record NoOrphanClientSpans(Sampler ratio) implements Sampler {

        @Override
        public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
                Attributes attributes, List<LinkData> parentLinks) {
            if (spanKind == SpanKind.CLIENT && !Span.fromContext(parentContext).getSpanContext().isValid()) {
                return SamplingResult.drop();
            }
            return ratio.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
        }

        @Override
        public String getDescription() {
            return "NoOrphanClientSpans{" + ratio.getDescription() + "}";
        }
    }
}
