package com.walletcare.bff.api;

import java.security.Principal;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.walletcare.bff.care.ActionResult;
import com.walletcare.bff.care.VerificationResult;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Writes one audit record for every answer to an {@link Audited} operation (the changes, and caller verification), to the {@code audit} log category: who,
 * what, which customer, the outcome or error code, the request id and the time. It runs on the final answer, so
 * refused (401/403) and failed calls are recorded too. Only ids and codes: no personal data. The same outcome is
 * counted in {@code wallet_actions_total{action, outcome}}.
 */
@Audited
@Provider
public class AuditFilter implements ContainerResponseFilter {

    public static final String CATEGORY = "audit";
    private static final Logger AUDIT = Logger.getLogger(CATEGORY);

    private final ObjectMapper mapper;
    private final MeterRegistry registry;
    private final InstantSource clock;

    AuditFilter(ObjectMapper mapper, MeterRegistry registry, InstantSource clock) {
        this.clock = clock;
        this.mapper = mapper;
        this.registry = registry;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        // The raw path as routed (Quarkus REST's request URI has the router's path: //customers//x//unlock is x's
        // unlock, HttpEdgeTest), not decoded: decoding it again would fail on an id of "%25" (a percent sign) and lose
        // the record. Audited operations are all /customers/{id}/{action}, verification included.
        String[] path = request.getUriInfo().getRequestUri().getRawPath().split("/");
        String action = path[path.length - 1].toUpperCase(Locale.ROOT);
        Principal user = request.getSecurityContext().getUserPrincipal();
        Object entity = response.getEntity();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("actor", user == null ? null : user.getName());
        record.put("action", "VERIFICATION".equals(action) ? "VERIFY" : action);
        record.put("customerId", path[path.length - 2]);
        record.put("status", response.getStatus());
        record.put("outcome", entity instanceof ActionResult result ? result.outcome().name()
                : entity instanceof VerificationResult verdict ? (verdict.verified() ? "VERIFIED" : "NOT_VERIFIED")
                : entity instanceof Problem problem ? problem.code().name() : null);
        if (entity instanceof VerificationResult verdict) {
            // Factor names only: the answers never reach this filter.
            record.put("matched", verdict.matched());
        }
        record.put("requestId", request.getHeaderString(RequestIdFilter.HEADER));
        record.put("at", clock.instant().toString());
        registry.counter("wallet.actions", "action", (String) record.get("action"),
                "outcome", String.valueOf(record.get("outcome"))).increment();
        try {
            AUDIT.info(mapper.writeValueAsString(record));
        } catch (JsonProcessingException e) {
            AUDIT.error("Audit record could not be written for request " + record.get("requestId"));
        }
    }
}
