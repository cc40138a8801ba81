package com.walletcare.bff.gateway;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

import io.quarkus.logging.Log;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;

/**
 * {@code /q/health/started} stays DOWN until the gateway has accepted the partner credentials, so that a pod with a
 * bad {@code PAYDIANT_PARTNER_TOKEN} never takes traffic: the rollout stalls while the old pods keep serving.
 *
 * <p>The check is one lookup of a customer id that cannot exist ({@link PaydiantGateway#checkCredentials()}), made
 * when the probe asks: Kubernetes' startup probe asks right after the start, and nothing else is sent while no one
 * asks. A refusal is DOWN and asked again at the next probe; the adapter logs its ERROR (at most once a minute). A
 * gateway that cannot be asked does not block the start (it may come back): UP, with one WARN, and asked again at
 * the next probe until it answers. Once accepted, the verdict is kept: later probes cost no gateway call.
 */
@Startup
@ApplicationScoped
public class PartnerCredentialsCheck implements AsyncHealthCheck {

    private static final String NAME = "paydiant-partner-credentials";

    private final PaydiantGateway gateway;
    private final AtomicBoolean warned = new AtomicBoolean();
    private volatile boolean accepted;

    PartnerCredentialsCheck(PaydiantGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        if (accepted) {
            return Uni.createFrom().item(response(true, "accepted"));
        }
        return gateway.checkCredentials()
                .map(nothing -> {
                    accepted = true;
                    Log.info("The Paydiant gateway accepted the partner credentials");
                    return response(true, "accepted");
                })
                .onFailure(GatewayAuthException.class).recoverWithItem(() -> response(false, "refused: check PAYDIANT_PARTNER_TOKEN"))
                .onFailure().recoverWithItem(failure -> {
                    if (warned.compareAndSet(false, true)) {
                        Log.warnf("The partner credentials could not be checked: %s Starting anyway; requests will tell.",
                                failure.getMessage());
                    }
                    return response(true, "not checked: the gateway could not be asked");
                });
    }

    private static HealthCheckResponse response(boolean up, String credentials) {
        return HealthCheckResponse.named(NAME).status(up).withData("credentials", credentials).build();
    }
}
