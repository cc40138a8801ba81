package com.walletcare.bff.gateway;

import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.walletcare.bff.customer.WalletState;
import com.walletcare.bff.testing.GatewayTest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * One wallet at a fake gateway, in memory, for unit tests of the use cases without HTTP: lookups answer its flags,
 * and each activation call takes the next scripted {@link Answer} (a plain success once the script is used up). It
 * stands in for the REST client through a dynamic proxy: a class implementing that {@code @Path} interface would be
 * taken for a REST resource by the @QuarkusTest runs of the same test sources.
 */
public final class FakePaydiant {

    /** How one activation call goes. The *_AFTER ones apply the change first. */
    public enum Answer {
        SUCCESS, REFUSED, NEVER_SENT, SERVER_ERROR, TIMEOUT, TIMEOUT_AFTER, LOST_AFTER, GARBLED_AFTER
    }

    public static final String ID = "vmiTxZcaSEym";
    private static final ObjectMapper JSON = new ObjectMapper();

    private WalletState state;
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<Boolean> writes = new ArrayList<>();
    private int lookupsLeft = Integer.MAX_VALUE;

    public FakePaydiant(WalletState state) {
        this.state = state;
    }

    public FakePaydiant then(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    /** After {@code count} more lookups, every lookup fails with a reset connection. */
    public FakePaydiant failLookupsAfter(int count) {
        lookupsLeft = count;
        return this;
    }

    public WalletState state() {
        return state;
    }

    /** The {@code activate} values of every activation call, in order. */
    public List<Boolean> writes() {
        return writes;
    }

    /** The adapter over this fake, without fault-tolerance interceptors (no breaker, no lookup retries). */
    public PaydiantGateway gateway() {
        PaydiantClient client = (PaydiantClient) Proxy.newProxyInstance(PaydiantClient.class.getClassLoader(),
                new Class<?>[] { PaydiantClient.class }, (proxy, method, args) -> "lookup".equals(method.getName())
                        ? lookup()
                        : updateActivation((ActivationRequest) args[1]));
        return new PaydiantGateway(client, CONFIG, new GatewayMetrics(new SimpleMeterRegistry()));
    }

    /** The production defaults that matter here: one retry of a write whose effect is unknown. */
    public static final GatewayConfig CONFIG = new FixedConfig();

    private Uni<LookupResponse> lookup() {
        if (lookupsLeft-- <= 0) {
            return Uni.createFrom().failure(new java.io.IOException("Connection reset"));
        }
        try {
            String answer = GatewayTest.lookupAnswer(GatewayTest.record(ID, state.active(), state.locked()));
            return Uni.createFrom().item(JSON.readValue(answer, LookupResponse.class));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Uni<ActivationResponse> updateActivation(ActivationRequest request) {
        boolean activate = Boolean.parseBoolean(request.body().activate());
        Answer answer = script.isEmpty() ? Answer.SUCCESS : script.poll();
        if (answer != Answer.NEVER_SENT) {
            writes.add(activate);
        }
        if (answer == Answer.SUCCESS || answer.name().endsWith("_AFTER")) {
            state = state.afterActivation(activate);
        }
        return switch (answer) {
            case SUCCESS -> Uni.createFrom().item(new ActivationResponse(new ActivationResponse.Result(
                    new GatewayStatus("SUCCESS", "Done", List.of(), null))));
            case REFUSED -> Uni.createFrom().item(new ActivationResponse(new ActivationResponse.Result(
                    new GatewayStatus("FAILED", "Failure", List.of(), null))));
            case NEVER_SENT -> Uni.createFrom().failure(new java.net.ConnectException("Connection refused"));
            case SERVER_ERROR -> Uni.createFrom().failure(GatewayFailures.fromHttpStatus(503));
            case TIMEOUT, TIMEOUT_AFTER -> Uni.createFrom().failure(new TimeoutException("read timeout"));
            case LOST_AFTER -> Uni.createFrom().failure(new java.io.IOException("Connection was closed"));
            case GARBLED_AFTER -> Uni.createFrom().failure(new JsonParseException(null, "Unexpected end-of-input"));
        };
    }

    private static final class FixedConfig implements GatewayConfig {
        @Override
        public String gatewayUrl() {
            return "http://fake";
        }

        @Override
        public String partnerToken() {
            return "token";
        }

        @Override
        public Optional<String> partnerId() {
            return Optional.empty();
        }

        @Override
        public Optional<String> versionId() {
            return Optional.empty();
        }

        @Override
        public Optional<String> environmentId() {
            return Optional.empty();
        }

        @Override
        public CallPolicy lookup() {
            return activation();
        }

        @Override
        public CallPolicy activation() {
            return new CallPolicy() {
                public long timeoutMs() {
                    return 4000;
                }

                public int maxRetries() {
                    return 1;
                }

                public long retryDelayMs() {
                    return 0;
                }

                public int circuitBreakerVolume() {
                    return 20;
                }

                public double circuitBreakerFailureRatio() {
                    return 0.5;
                }

                public long circuitBreakerDelayMs() {
                    return 10_000;
                }
            };
        }
    }
}
