package com.walletcare.bff.gateway;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;

/**
 * The two Paydiant B2B Customer Care operations this service uses. Every call is a POST with an envelope.
 * Fault tolerance lives on {@link PaydiantGateway}, not here.
 */
@Path("/b2b-gateway/customers")
@RegisterRestClient(configKey = "paydiant")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
interface PaydiantClient {

    @POST
    @Path("/lookup")
    Uni<LookupResponse> lookup(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, LookupRequest request);

    @POST
    @Path("/activation")
    Uni<ActivationResponse> updateActivation(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            ActivationRequest request);

    /** Never reads the body: it is the gateway's, and must not travel further. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return GatewayFailures.fromHttpStatus(response.getStatus());
    }
}
