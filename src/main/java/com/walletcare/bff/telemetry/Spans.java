package com.walletcare.bff.telemetry;

import java.util.function.Consumer;
import java.util.function.Function;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.opentelemetry.runtime.QuarkusContextStorage;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * A span around a {@link Uni}, current for every asynchronous step of it, so that the spans its work starts (the
 * gateway's HTTP calls, the journal's SQL statements) are its children. Quarkus keeps the current span in the Vert.x
 * context, so the span is made current when the Uni is subscribed and stays so until it ends (as Quarkus'
 * MutinyTracingHelper does). The work is assembled inside that scope, as a function: Mutiny's context propagation
 * gives each operator the OpenTelemetry context of the moment it was assembled, so a Uni built before the span
 * started would run its steps under the span's parent. Unlike Quarkus' helper, it never records an exception: its
 * message could hold what a span must not (callers set an error status with a code instead).
 */
public final class Spans {

    private Spans() {
    }

    /**
     * @param parent the span's parent, taken where the Uni is assembled: a retry re-subscribes the same Uni, maybe on
     *        another thread, and its attempt belongs under the same parent
     */
    public static <T> Uni<T> traced(Tracer tracer, Context parent, String name, SpanKind kind, Function<Span, Uni<T>> work) {
        return traced(tracer, parent, name, kind, work, span -> {
        });
    }

    /** @param cancelled what to record on the span when its Uni is cancelled (a timeout stopped waiting for it) */
    public static <T> Uni<T> traced(Tracer tracer, Context parent, String name, SpanKind kind, Function<Span, Uni<T>> work,
            Consumer<Span> cancelled) {
        io.vertx.core.Context vertx = QuarkusContextStorage.getVertxContext();
        Uni<T> inSpan = Uni.createFrom().deferred(() -> {
            Span span = tracer.spanBuilder(name).setParent(parent).setSpanKind(kind).startSpan();
            Scope scope = span.makeCurrent();
            Uni<T> running;
            try {
                running = work.apply(span);
            } catch (RuntimeException e) {
                end(span, scope);
                throw e;
            }
            return running.onTermination().invoke((item, failure, cancel) -> {
                if (cancel) {
                    cancelled.accept(span);
                }
                end(span, scope);
            });
        });
        // On the request's (duplicated) Vert.x context, where the span is kept while current: right away when the
        // subscription happens on it (the first attempt, nearly always), else (a retry from a timer thread) queued to it.
        return vertx == null ? inSpan : inSpan.runSubscriptionOn(task -> {
            if (Vertx.currentContext() == vertx) {
                task.run();
            } else {
                vertx.runOnContext(ignored -> task.run());
            }
        });
    }

    private static void end(Span span, Scope scope) {
        try {
            span.end();
        } finally {
            scope.close();
        }
    }
}
