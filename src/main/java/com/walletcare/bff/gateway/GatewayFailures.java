package com.walletcare.bff.gateway;

import java.time.Duration;

import com.walletcare.bff.care.CareFailure;
import com.walletcare.bff.care.CareFailure.Code;
import com.walletcare.bff.care.WalletWrite;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import com.fasterxml.jackson.core.JacksonException;

import io.quarkus.logging.Log;

/** Turns whatever a gateway call failed with into one of the typed {@link GatewayException}s, and says what it means. */
final class GatewayFailures {

    private GatewayFailures() {
    }

    /**
     * HTTP statuses, read as the gateway documents them: 404 means "gateway not located" (the call never reached it),
     * 503 "connectivity interrupted or the operation timed out" (it may have been processed), like any 5xx.
     */
    static GatewayException fromHttpStatus(int status) {
        String message = "The Paydiant gateway answered HTTP " + status + ".";
        if (status == 401) {
            return new GatewayAuthException();
        }
        if (status >= 500) {
            return new GatewayUnavailableException(message, false);
        }
        if (status == 404 || status == 408 || status == 429) {
            return new GatewayUnavailableException(message, true);
        }
        return new GatewayRejectedException(message, true);
    }

    static GatewayException classify(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof GatewayException gatewayException) {
                return gatewayException;
            }
            if (cause instanceof JacksonException) {
                return new GatewayRejectedException("The Paydiant gateway answered with a body that is not valid JSON.", false);
            }
            // Vert.x signals its client timeouts with exceptions from implementation packages: matched by name.
            if (cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout")) {
                return new GatewayTimeoutException("The Paydiant gateway did not answer in time.");
            }
            if (cause instanceof ConnectException) {
                return new GatewayUnavailableException("The Paydiant gateway could not be reached.", true);
            }
        }
        Log.debugf("Gateway call failed: %s", failure.toString());
        return new GatewayUnavailableException("The connection to the Paydiant gateway failed.", false);
    }

    /** A write that failed with this certainly changed nothing: it was never sent, or the gateway refused it. */
    static boolean certainlyNotApplied(Throwable failure) {
        return failure instanceof CircuitBreakerOpenException
                || failure instanceof GatewayException gatewayFailure && gatewayFailure.definite();
    }

    /**
     * What a failed call means for the care core, in this service's words: the one place where the gateway's failures,
     * and the fault-tolerance library's, become the core's. An open circuit says when it may close.
     */
    static CareFailure toCare(Throwable failure, Duration circuitRetryAfter) {
        if (failure instanceof CareFailure care) {
            return care;
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return CareFailure.of(Code.GATEWAY_UNAVAILABLE,
                    "The Paydiant gateway is failing; calls to it are paused. Try again later.", circuitRetryAfter);
        }
        if (failure instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException) {
            return CareFailure.of(Code.GATEWAY_TIMEOUT, "The Paydiant gateway did not answer in time.", null);
        }
        GatewayException typed = classify(failure);
        if (typed instanceof GatewayAuthException) {
            return CareFailure.of(Code.GATEWAY_AUTH_FAILED, typed.getMessage(), null);
        }
        if (typed instanceof GatewayTimeoutException) {
            return CareFailure.of(Code.GATEWAY_TIMEOUT, "The Paydiant gateway did not answer in time.", null);
        }
        if (typed instanceof GatewayUnavailableException) {
            return CareFailure.of(Code.GATEWAY_UNAVAILABLE, typed.getMessage() + " Try again shortly.", Duration.ofSeconds(1));
        }
        return CareFailure.of(Code.GATEWAY_REJECTED, typed.getMessage(), null);
    }

    /** What a write that failed with {@code failure} did to the wallet. */
    static WalletWrite written(Throwable failure, Duration circuitRetryAfter) {
        Throwable typed = failure instanceof CircuitBreakerOpenException ? failure : classify(failure);
        return new WalletWrite(certainlyNotApplied(typed) ? WalletWrite.Effect.NOT_APPLIED : WalletWrite.Effect.UNKNOWN,
                toCare(typed, circuitRetryAfter));
    }

    /** Success is HTTP 200 and a SUCCESS body status; a FAILED status is a refusal, a missing one an unreadable answer. */
    static void requireSuccess(String operation, GatewayStatus status) {
        if (status == null) {
            throw new GatewayRejectedException("The Paydiant gateway answered " + operation + " without a status.", false);
        }
        if (!status.isSuccess()) {
            Log.warnf("Gateway %s answered status %s with error codes %s", operation, status.statusCode(),
                    status.errorCodes());
            throw new GatewayRejectedException("The Paydiant gateway refused the " + operation + " call (status "
                    + status.statusCode() + ").", true);
        }
    }
}
