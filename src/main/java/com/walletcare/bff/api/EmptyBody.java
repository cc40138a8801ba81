package com.walletcare.bff.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Unlock, activate and deactivate take an optional JSON body, and v1 clients send none, often with no Content-Type
 * either: such a request is an empty JSON body, not a 415.
 */
class EmptyBody {

    @ServerRequestFilter(preMatching = true)
    void noBodyIsEmptyJson(ContainerRequestContext request) {
        if (request.getMediaType() == null && !request.hasEntity() && "POST".equals(request.getMethod())) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
