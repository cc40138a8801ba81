package com.walletcare.bff.api;

import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.walletcare.bff.error.Problem;
import com.walletcare.bff.error.ProblemCode;
import com.walletcare.bff.error.ProblemMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;

/**
 * Refuses a body over {@code quarkus.http.limits.max-body-size} with the contract's 413 problem, before it is read.
 * (Quarkus enforces the same limit itself, for bodies that announce no length, with a bare 413.)
 */
public class BodySizeLimit {

    void register(@Observes Filters filters, ObjectMapper mapper,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        long limit = maxBodySize.asLongValue();
        filters.register(context -> {
            String length = context.request().getHeader("Content-Length");
            if (length != null && isOver(length, limit)) {
                Problem problem = Problem.of(ProblemCode.PAYLOAD_TOO_LARGE,
                        "The request body is larger than the " + limit + " bytes this service accepts.",
                        context.request().getHeader(RequestIdFilter.HEADER));
                try {
                    context.response().setStatusCode(413).putHeader("Content-Type", ProblemMapper.PROBLEM_JSON)
                            .putHeader("Connection", "close").end(mapper.writeValueAsString(problem));
                } catch (Exception e) {
                    context.fail(413);
                }
                return;
            }
            context.next();
        }, Integer.MAX_VALUE - 1);
    }

    private static boolean isOver(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
