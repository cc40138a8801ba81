package com.walletcare.bff.gateway;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.walletcare.bff.customer.RequestTrace;
import com.walletcare.bff.customer.SearchCriteria;

import io.smallrye.mutiny.Uni;

/**
 * The gateway adapter: the only way into Paydiant. Wraps each call in its envelope, checks the body status and
 * maps the answer, so nothing of the gateway's shapes gets further.
 *
 * <p>Fault tolerance (values in application.properties, under the paydiant.lookup / paydiant.activation keys):
 * a per-attempt timeout, retries of transient failures only, and a circuit breaker that counts transient failures
 * only. A FAILED status or a 401 is neither retried nor held against the gateway's health. Each retry re-subscribes
 * the Uni and so sends a new request with a new messageId.
 */
@ApplicationScoped
public class PaydiantGateway {

    private final PaydiantClient client;
    private final String authorization;
    private final String partnerId;
    private final String versionId;
    private final String environmentId;

    PaydiantGateway(@RestClient PaydiantClient client, GatewayConfig config) {
        this.client = client;
        this.authorization = "Basic " + config.partnerToken();
        this.partnerId = config.partnerId().orElse("");
        this.versionId = config.versionId().orElse("");
        this.environmentId = config.environmentId().orElse("");
    }

    /** retrieveCustomerLookUpInfo: every matching record, in the gateway's order. */
    @Timeout
    @Retry(retryOn = { GatewayUnavailableException.class, TimeoutException.class })
    @CircuitBreaker(failOn = { GatewayUnavailableException.class, TimeoutException.class })
    public Uni<List<Wallet>> lookup(SearchCriteria criteria, RequestTrace trace) {
        return Uni.createFrom()
                .deferred(() -> client.lookup(authorization, LookupRequest.of(header(trace), criteria)))
                .onFailure().transform(GatewayFailures::classify)
                .map(response -> {
                    if (response == null || response.result() == null) {
                        throw new GatewayRejectedException("The Paydiant gateway answered the lookup without its envelope.");
                    }
                    GatewayFailures.requireSuccess("lookup", response.result().status());
                    return response.result().customers().stream().map(GatewayMapper::toWallet).toList();
                });
    }

    /**
     * updateCustomerActivation. Retrying is safe: the call sets a flag, so repeating it changes nothing more.
     * Activating an inactive wallet also clears its lock.
     */
    @Timeout
    @Retry(retryOn = { GatewayUnavailableException.class, TimeoutException.class })
    @CircuitBreaker(failOn = { GatewayUnavailableException.class, TimeoutException.class })
    public Uni<Void> updateActivation(WalletRef wallet, boolean activate, RequestTrace trace) {
        return Uni.createFrom()
                .deferred(() -> client.updateActivation(authorization,
                        ActivationRequest.of(header(trace), wallet, activate)))
                .onFailure().transform(GatewayFailures::classify)
                .map(response -> {
                    if (response == null || response.result() == null) {
                        throw new GatewayRejectedException("The Paydiant gateway answered the activation without its envelope.");
                    }
                    GatewayFailures.requireSuccess("activation", response.result().status());
                    return null;
                });
    }

    private MessageHeader header(RequestTrace trace) {
        return new MessageHeader(partnerId, trace.nextMessageId(), versionId, environmentId);
    }
}
