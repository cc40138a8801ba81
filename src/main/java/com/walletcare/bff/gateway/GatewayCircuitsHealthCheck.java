package com.walletcare.bff.gateway;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * Reports the gateway circuit breakers' states on {@code /q/health/ready}, and stays UP when one is open: the gateway
 * is shared by every replica, so an open breaker is not this pod's fault, and marking all pods unready would empty the
 * Service — clients would get connection errors instead of {@code 503 GATEWAY_UNAVAILABLE} with {@code Retry-After}.
 * Alert on the state instead (see README, "Operate"). The log says it too: one WARN when a breaker opens, one INFO
 * when it closes again (its half-open trials in between are not logged).
 */
@Readiness
@ApplicationScoped
public class GatewayCircuitsHealthCheck implements HealthCheck {

    private final CircuitBreakerMaintenance circuits;

    GatewayCircuitsHealthCheck(CircuitBreakerMaintenance circuits) {
        this.circuits = circuits;
    }

    void logTransitions(@Observes StartupEvent start) {
        for (String circuit : List.of(PaydiantGateway.LOOKUP_CIRCUIT, PaydiantGateway.ACTIVATION_CIRCUIT)) {
            // A failed half-open trial re-opens the breaker: the same outage, not logged again.
            AtomicReference<CircuitBreakerState> previous = new AtomicReference<>(CircuitBreakerState.CLOSED);
            circuits.onStateChange(circuit, state -> {
                CircuitBreakerState before = previous.getAndSet(state);
                if (state == CircuitBreakerState.OPEN && before != CircuitBreakerState.HALF_OPEN) {
                    Log.warnf("Circuit breaker %s opened: the Paydiant gateway keeps failing, so its calls fail fast "
                            + "(503 GATEWAY_UNAVAILABLE) until a trial call succeeds", circuit);
                } else if (state == CircuitBreakerState.CLOSED) {
                    Log.infof("Circuit breaker %s closed again: the Paydiant gateway answers", circuit);
                }
            });
        }
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("paydiant-gateway").up()
                .withData(PaydiantGateway.LOOKUP_CIRCUIT, circuits.currentState(PaydiantGateway.LOOKUP_CIRCUIT).name())
                .withData(PaydiantGateway.ACTIVATION_CIRCUIT, circuits.currentState(PaydiantGateway.ACTIVATION_CIRCUIT).name())
                .build();
    }
}
