package com.walletcare.bff.gateway;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * Reports the gateway circuit breakers' states on {@code /q/health/ready}, and stays UP when one is open: the gateway
 * is shared by every replica, so an open breaker is not this pod's fault, and marking all pods unready would empty the
 * Service — clients would get connection errors instead of {@code 503 GATEWAY_UNAVAILABLE} with {@code Retry-After}.
 * Alert on the state instead (see README, "Operate").
 */
@Readiness
@ApplicationScoped
public class GatewayCircuitsHealthCheck implements HealthCheck {

    private final CircuitBreakerMaintenance circuits;

    GatewayCircuitsHealthCheck(CircuitBreakerMaintenance circuits) {
        this.circuits = circuits;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("paydiant-gateway").up()
                .withData(PaydiantGateway.LOOKUP_CIRCUIT, circuits.currentState(PaydiantGateway.LOOKUP_CIRCUIT).name())
                .withData(PaydiantGateway.ACTIVATION_CIRCUIT, circuits.currentState(PaydiantGateway.ACTIVATION_CIRCUIT).name())
                .build();
    }
}
