package com.walletcare.bff.customer;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Carries one client request's id down to every gateway call it causes. Passed explicitly rather than
 * through a thread-local, which does not reliably survive the reactive REST client.
 */
public final class RequestTrace {

    private final String requestId;
    private final AtomicInteger calls = new AtomicInteger();

    public RequestTrace(String requestId) {
        this.requestId = requestId;
    }

    public String requestId() {
        return requestId;
    }

    /** {@code <request id>-1}, {@code -2}, …: unique per gateway call, retries included. */
    public String nextMessageId() {
        return requestId + "-" + calls.incrementAndGet();
    }
}
