package com.walletcare.bff.gateway;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import com.walletcare.bff.care.Wallet;
import com.walletcare.bff.care.WalletGateway;
import com.walletcare.bff.care.WalletRef;
import com.walletcare.bff.care.WalletWrite;
import com.walletcare.bff.customer.RequestTrace;
import com.walletcare.bff.customer.SearchCriteria;

import com.walletcare.bff.telemetry.Spans;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.logging.Log;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;

/**
 * The gateway adapter: the only way into Paydiant. Wraps each call in its envelope, checks the body status and
 * maps the answer, so nothing of the gateway's shapes gets further.
 *
 * <p>Fault tolerance (values in application.properties, under the paydiant.lookup / paydiant.activation keys):
 * lookups, which change nothing, get a per-attempt timeout and retries of transient failures; activation writes get
 * neither (see {@link #updateActivation}). Both have a circuit breaker that counts transient failures only: a FAILED
 * status or a 401 is not held against the gateway's health. Each lookup retry re-subscribes the Uni and so sends a
 * new request with a new messageId. The breakers are named for readiness and metrics.
 */
@ApplicationScoped
public class PaydiantGateway implements WalletGateway {

    public static final String LOOKUP_CIRCUIT = "paydiant-lookup";
    public static final String ACTIVATION_CIRCUIT = "paydiant-activation";

    private static final long NEVER = Long.MIN_VALUE;
    private static final long CREDENTIALS_ERROR_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    /** Gateway customer ids are 12 letters and digits: this one matches nobody. */
    private static final SearchCriteria CREDENTIALS_CHECK = SearchCriteria.byCustomerId("wallet-care-credentials-check");

    /** Span attributes of gateway calls: ids and codes only, never a request or answer body. */
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("paydiant.operation");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("paydiant.outcome");
    static final AttributeKey<Boolean> ACTIVATE = AttributeKey.booleanKey("paydiant.activate");
    /** APPLIED, NOT_APPLIED or UNKNOWN ({@link WalletWrite.Effect}). */
    static final AttributeKey<String> EFFECT = AttributeKey.stringKey("paydiant.write.effect");

    private final AtomicLong lastCredentialsError = new AtomicLong(NEVER);
    /** How long an open circuit stays open: the longer of the two breakers' delays. */
    private final Duration circuitRetryAfter;
    private final Duration lookupTimeout;
    private final PaydiantClients clients;
    private final GatewayMetrics metrics;
    private final Tracer tracer;
    private final String authorization;
    private final String partnerId;
    private final String versionId;
    private final String environmentId;

    PaydiantGateway(PaydiantClients clients, GatewayConfig config, GatewayMetrics metrics, Tracer tracer) {
        this.clients = clients;
        this.metrics = metrics;
        this.tracer = tracer;
        this.lookupTimeout = Duration.ofMillis(config.lookup().timeoutMs());
        long delayMs = Math.max(config.lookup().circuitBreakerDelayMs(), config.activation().circuitBreakerDelayMs());
        this.circuitRetryAfter = Duration.ofSeconds(Math.max(1, (delayMs + 999) / 1000));
        this.authorization = "Basic " + config.partnerToken();
        this.partnerId = config.partnerId().orElse("");
        this.versionId = config.versionId().orElse("");
        this.environmentId = config.environmentId().orElse("");
    }

    @Override
    public Uni<List<Wallet>> findWallets(SearchCriteria criteria, RequestTrace trace) {
        return lookup(criteria, trace).onFailure().transform(failure -> GatewayFailures.toCare(failure, circuitRetryAfter));
    }

    /** retrieveCustomerLookUpInfo: every matching record, in the gateway's order. */
    @Timeout
    @Retry(retryOn = { GatewayUnavailableException.class, TimeoutException.class })
    @CircuitBreaker(failOn = { GatewayUnavailableException.class, TimeoutException.class })
    @CircuitBreakerName(LOOKUP_CIRCUIT)
    Uni<List<Wallet>> lookup(SearchCriteria criteria, RequestTrace trace) {
        // One span per attempt (each retry re-subscribes), under the caller's span; the HTTP client span is its child.
        return Spans.traced(tracer, Context.current(), "paydiant lookup", SpanKind.INTERNAL, span -> {
            span.setAttribute(OPERATION, "lookup");
            return attempt("lookup", span, () -> clients.current().lookup(authorization, LookupRequest.of(header(trace), criteria)),
                    response -> {
                        LookupResponse.Result result = response == null ? null : response.result();
                        GatewayFailures.requireSuccess("lookup", result == null ? null : result.status());
                        return result.customers().stream().map(GatewayMapper::toWallet).toList();
                    });
        }, span -> span.setAttribute(OUTCOME, "timeout"));
    }

    /** A span's outcome: the gateway_calls outcome tag, and an error status (with that tag, never a message) on failure. */
    private static void ended(Span span, Throwable failure) {
        String outcome = GatewayMetrics.outcome(failure == null ? null : GatewayFailures.classify(failure));
        span.setAttribute(OUTCOME, outcome);
        if (failure != null) {
            span.setStatus(StatusCode.ERROR, outcome);
        }
    }

    /**
     * One lookup attempt of a customer id that cannot exist, without retries or circuit breaker: the check of the
     * partner credentials ({@link PartnerCredentialsCheck}). Completes when the gateway answered HTTP 200, whatever
     * it found, as it authenticated the call to do so; fails with {@link GatewayAuthException} when it refused the
     * credentials, with another {@link GatewayException} when it could not be asked.
     */
    public Uni<Void> checkCredentials() {
        RequestTrace trace = new RequestTrace("credentials-check");
        return this.<LookupResponse, Void> call("lookup", null,
                () -> clients.current().lookup(authorization, LookupRequest.of(header(trace), CREDENTIALS_CHECK)), answer -> null)
                .ifNoItem().after(lookupTimeout).failWith(() -> new GatewayTimeoutException("The Paydiant gateway did not answer in time."));
    }

    /**
     * updateCustomerActivation, once, never raced: the call has no conditional or idempotent form, so an attempt that
     * is given up on could still land after a later write and reverse it. It is therefore neither cut short by a
     * fault-tolerance timeout nor retried here: the exchange runs until the gateway answers or the connection closes
     * (the REST client's read timeout bounds it), and only then is its effect known, or known to be unknown. The
     * use case decides what comes next, with a fresh lookup when the effect is unknown. Activating an inactive
     * wallet also clears its lock.
     */
    @Override
    public Uni<WalletWrite> updateActivation(WalletRef wallet, boolean activate, RequestTrace trace) {
        // The span covers the circuit breaker too: a write it refused is a NOT_APPLIED write with no HTTP span under it.
        return Spans.traced(tracer, Context.current(), "paydiant activation", SpanKind.INTERNAL, span -> {
            span.setAttribute(OPERATION, "activation");
            span.setAttribute(ACTIVATE, activate);
            return sendActivation((PaydiantWalletRef) wallet, activate, trace)
                    .onItemOrFailure().invoke((done, failure) -> ended(span, failure))
                    .map(done -> WalletWrite.APPLIED)
                    .onFailure().recoverWithItem(failure -> GatewayFailures.written(failure, circuitRetryAfter))
                    .invoke(write -> span.setAttribute(EFFECT, write.effect().name()));
        });
    }

    /** The circuit breaker counts only failures that say the gateway is unwell, and its refusals send nothing. */
    @CircuitBreaker(failOn = GatewayUnavailableException.class)
    @CircuitBreakerName(ACTIVATION_CIRCUIT)
    Uni<Void> sendActivation(PaydiantWalletRef wallet, boolean activate, RequestTrace trace) {
        return call("activation", null, () -> clients.current().updateActivation(authorization, ActivationRequest.of(header(trace), wallet, activate)),
                response -> {
                    ActivationResponse.Result result = response == null ? null : response.result();
                    GatewayFailures.requireSuccess("activation", result == null ? null : result.status());
                    return null;
                });
    }

    /**
     * One attempt: sent when subscribed (so a retry re-sends, with a new messageId), its failures typed, its answer
     * read, its duration recorded by operation and outcome, and the outcome set on {@code span} (when given). What
     * follows the exchange is one step, not one per concern: Mutiny captures and restores the request's contexts
     * around every step, a large part of what a search allocates.
     */
    private <T, R> Uni<R> call(String operation, Span span, Supplier<Uni<T>> request, Function<T, R> readAnswer) {
        return Uni.createFrom().deferred(() -> attempt(operation, span, request, readAnswer));
    }

    /**
     * {@link #call} made now, for a caller that already runs on each subscription (the lookup's span): one deferred
     * step less, whose context capture and restore cost more than the rest of the step.
     */
    private <T, R> Uni<R> attempt(String operation, Span span, Supplier<Uni<T>> request, Function<T, R> readAnswer) {
        long start = System.nanoTime();
        // transformToUni, not transform: a failure thrown from transform's failure path would reach the caller
        // wrapped with the original one (CompositeException), not as the typed failure that retries look for.
        return request.get()
                .onItemOrFailure().transformToUni((answer, failure) -> {
                    try {
                        return Uni.createFrom().item(settled(operation, span, start, answer, failure, readAnswer));
                    } catch (RuntimeException failed) {
                        return Uni.createFrom().failure(failed);
                    }
                })
                .onCancellation().invoke(() -> metrics.recordTimeout(operation, start));
    }

    private <T, R> R settled(String operation, Span span, long start, T answer, Throwable failure, Function<T, R> readAnswer) {
        RuntimeException failed = failure == null ? null : GatewayFailures.classify(failure);
        R read = null;
        if (failed == null) {
            try {
                read = readAnswer.apply(answer);
            } catch (RuntimeException e) {
                failed = e;
            }
        }
        metrics.record(operation, failed, start);
        if (failed instanceof GatewayAuthException) {
            credentialsRefused();
        }
        if (span != null) {
            ended(span, failed);
        }
        if (failed != null) {
            throw failed;
        }
        return read;
    }

    /**
     * A refused partner token fails every call until it is replaced: one ERROR a minute says so, not one per request
     * (gateway_calls_seconds_count{outcome="auth_failed"} counts them all).
     */
    private void credentialsRefused() {
        long now = System.nanoTime();
        long last = lastCredentialsError.get();
        if ((last == NEVER || now - last >= CREDENTIALS_ERROR_INTERVAL_NANOS) && lastCredentialsError.compareAndSet(last, now)) {
            Log.error("The Paydiant gateway refused the partner credentials (HTTP 401): check PAYDIANT_PARTNER_TOKEN."
                    + " Every gateway call fails with GATEWAY_AUTH_FAILED until it is fixed; logged at most once a minute.");
        }
    }

    private MessageHeader header(RequestTrace trace) {
        return new MessageHeader(partnerId, trace.nextMessageId(), versionId, environmentId);
    }
}
