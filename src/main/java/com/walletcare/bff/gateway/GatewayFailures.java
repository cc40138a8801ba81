package com.walletcare.bff.gateway;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JacksonException;

import io.quarkus.logging.Log;

/** Turns whatever a gateway call failed with into one of the typed {@link GatewayException}s. */
final class GatewayFailures {

    private GatewayFailures() {
    }

    /** HTTP statuses, read as the gateway documents them: 404 means "gateway not located", 503 "interrupted". */
    static GatewayException fromHttpStatus(int status) {
        if (status == 401) {
            return new GatewayAuthException();
        }
        if (status == 404 || status == 408 || status == 429 || status >= 500) {
            return new GatewayUnavailableException("The Paydiant gateway answered HTTP " + status + ".");
        }
        return new GatewayRejectedException("The Paydiant gateway answered HTTP " + status + ".");
    }

    static GatewayException classify(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof GatewayException gatewayException) {
                return gatewayException;
            }
            if (cause instanceof JacksonException) {
                return new GatewayRejectedException("The Paydiant gateway answered with a body that is not valid JSON.");
            }
            // Vert.x signals its client timeouts with exceptions from implementation packages: matched by name.
            if (cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout")) {
                return new GatewayTimeoutException("The Paydiant gateway did not answer in time.");
            }
            if (cause instanceof ConnectException) {
                return new GatewayUnavailableException("The Paydiant gateway could not be reached.");
            }
        }
        Log.debugf("Gateway call failed: %s", failure.toString());
        return new GatewayUnavailableException("The connection to the Paydiant gateway failed.");
    }

    /** Success is HTTP 200 and a SUCCESS body status; anything else is a rejection this service cannot map. */
    static void requireSuccess(String operation, GatewayStatus status) {
        if (status == null) {
            throw new GatewayRejectedException("The Paydiant gateway answered " + operation + " without a status.");
        }
        if (!status.isSuccess()) {
            Log.warnf("Gateway %s answered status %s with error codes %s", operation, status.statusCode(),
                    status.errorCodes());
            throw new GatewayRejectedException("The Paydiant gateway refused the " + operation + " call (status "
                    + status.statusCode() + ").");
        }
    }
}
