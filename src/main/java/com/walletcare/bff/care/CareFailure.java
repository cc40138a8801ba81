package com.walletcare.bff.care;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.walletcare.bff.customer.Customer;
import com.walletcare.bff.customer.WalletAction;
import com.walletcare.bff.customer.WalletStatus;

/**
 * Every way a use case of this service can fail, as one type: its code, a detail worded by this service for the
 * person at the screen (never a library's message, a class name, a gateway body or a token), when to try again where
 * that is known, and for a failed change, what it means for the wallet. The adapters raise it too: the gateway
 * adapter decides once what its failures are (and whether a write was applied), the journal that it cannot be
 * reached. The API maps it to a problem document in one place. Cheap to raise: no stack trace, as these are answers.
 */
public final class CareFailure extends RuntimeException {

    public enum Code {
        CUSTOMER_NOT_FOUND,
        /** A change that the wallet's deactivation rules out. */
        CUSTOMER_DEACTIVATED,
        /** Another change to the wallet did not end within the wait for it. */
        CHANGE_IN_PROGRESS,
        /** The unlock stopped after its deactivation. */
        UNLOCK_INCOMPLETE,
        VERIFICATION_REQUIRED,
        RATE_LIMITED,
        TOO_MANY_ATTEMPTS,
        /** The gateway refused a call, or answered what cannot be read. */
        GATEWAY_REJECTED,
        GATEWAY_AUTH_FAILED,
        GATEWAY_UNAVAILABLE,
        /** The gateway did not answer in time, or a change is still running when its answer is due. */
        GATEWAY_TIMEOUT,
        /** The care journal cannot be reached: no change starts. */
        JOURNAL_UNAVAILABLE,
        /** Lifting a fraud hold is a supervisor's decision. */
        SUPERVISOR_REQUIRED,
        /** What the core needs of a request that its shape alone does not say (a supervisor's reason and ticket). */
        VALIDATION_FAILED,
        /** The wallet is no longer the version the screen showed (If-Match). */
        PRECONDITION_FAILED
    }

    /** How long to wait before asking again for a wallet that another change holds, or while the journal is away. */
    static final Duration SOON = Duration.ofSeconds(2);

    private static final String NOT_CHANGED = "The wallet was not changed.";
    private static final String MAY_BE_APPLIED = "The change may still be applied; repeating the request is safe.";

    private final Code code;
    private final Duration retryAfter;
    private final String customerId;
    private final WalletStatus customerStatus;
    /** For a failed change: whether the wallet certainly stayed as it was; null for anything else. */
    private final Boolean walletUnchanged;
    /** UNLOCK_INCOMPLETE: why the wallet was not re-activated. */
    private final Code cause;
    /** CUSTOMER_DEACTIVATED, PRECONDITION_FAILED: the wallet as it is, for the screen to show without another call. */
    private Customer customer;
    /** VALIDATION_FAILED: each field at fault, and what is wrong with it. */
    private Map<String, String> violations = Map.of();

    private CareFailure(Code code, String detail, Duration retryAfter, String customerId, WalletStatus customerStatus,
            Boolean walletUnchanged, Code cause) {
        super(detail, null, false, false);
        this.code = code;
        this.retryAfter = retryAfter;
        this.customerId = customerId;
        this.customerStatus = customerStatus;
        this.walletUnchanged = walletUnchanged;
        this.cause = cause;
    }

    /** A failure in the adapters' words: the gateway's or the journal's. */
    public static CareFailure of(Code code, String detail, Duration retryAfter) {
        return new CareFailure(code, detail, retryAfter, null, null, null, null);
    }

    static CareFailure customerNotFound(String customerId) {
        return of(Code.CUSTOMER_NOT_FOUND, "No customer with id '" + customerId + "' for this issuing partner.", null);
    }

    /** Unlock of a wallet deactivated on purpose (anything but an unlock of this service's that did not finish). */
    static CareFailure deactivated(Customer customer) {
        String by = customer.hold() == null ? "" : " by " + customer.hold().agent()
                + (customer.hold().reason() == null ? "" : " (" + customer.hold().reason() + ")");
        CareFailure failure = of(Code.CUSTOMER_DEACTIVATED, "The wallet of customer '" + customer.id()
                + "' was deactivated" + by + ", and unlock does not re-activate a deactivated wallet: use activate.", null);
        failure.customer = customer;
        return failure;
    }

    static CareFailure supervisorRequired(Customer customer) {
        return of(Code.SUPERVISOR_REQUIRED, "The wallet of customer '" + customer.id() + "' is held for suspected fraud:"
                + " only a supervisor (care-supervisor) may activate it. Nothing was sent to the gateway.", null);
    }

    static CareFailure liftNeedsReasonAndTicket(ChangeIntent intent) {
        CareFailure failure = of(Code.VALIDATION_FAILED, "Lifting a fraud hold needs a reason and a ticketId in the body,"
                + " for the record. Nothing was sent to the gateway.", null);
        Map<String, String> missing = new LinkedHashMap<>();
        if (intent.reason() == null) {
            missing.put("reason", "Required to lift a fraud hold.");
        }
        if (intent.ticketId() == null) {
            missing.put("ticketId", "Required to lift a fraud hold.");
        }
        failure.violations = missing;
        return failure;
    }

    static CareFailure preconditionFailed(Customer customer) {
        CareFailure failure = of(Code.PRECONDITION_FAILED, "The wallet of customer '" + customer.id() + "' has changed"
                + " since the screen showed it (If-Match): it is " + customer.status() + " now, version " + customer.version()
                + ". Nothing was sent to the gateway.", null);
        failure.customer = customer;
        return failure;
    }

    public static CareFailure changeInProgress(String customerId) {
        return of(Code.CHANGE_IN_PROGRESS, "Another change to the wallet of customer '" + customerId
                + "' is still in progress. Try again shortly: the wallet's history shows how it ended.", SOON);
    }

    static CareFailure stillRunning(String customerId) {
        return of(Code.GATEWAY_TIMEOUT, "The gateway is slow: the change to the wallet of customer '" + customerId
                + "' is still running and may still be applied. Repeat the request to get its outcome.", null);
    }

    public static CareFailure journalUnavailable() {
        return of(Code.JOURNAL_UNAVAILABLE, "Wallet changes are paused: the care journal cannot be reached. Searching"
                + " and reading still work.", SOON);
    }

    static CareFailure rateLimited(long perMinute, Duration left) {
        long seconds = left.toSeconds() + 1; // rounded up
        return of(Code.RATE_LIMITED, "More than " + perMinute + " wallet changes in one minute by this agent: try again in "
                + seconds + " s. Reads are not limited.", Duration.ofSeconds(seconds));
    }

    static CareFailure tooManyAttempts(Duration left) {
        long seconds = left.toSeconds() + 1; // rounded up
        return of(Code.TOO_MANY_ATTEMPTS, "Too many failed verifications of this customer: try again in " + seconds + " s.",
                Duration.ofSeconds(seconds));
    }

    static CareFailure verificationRequired(WalletAction action) {
        return of(Code.VERIFICATION_REQUIRED, action + " needs a verificationId from a verification of this customer by"
                + " you in the last minutes: verify the caller (POST /customers/{id}/verification) and send its"
                + " verificationId in the body.", null);
    }

    /**
     * The unlock stopped after its deactivation, and the wallet is {@code status} now (null: unknown). {@code cause}
     * says why the wallet was not re-activated: the journal could not be reached (recovery completes the unlock once it
     * is back), or the gateway failed.
     */
    static CareFailure unlockIncomplete(String customerId, CareFailure cause, WalletStatus status) {
        String now = status == null ? "its status could not be read" : "it is " + status + " now";
        String begin = "The unlock of customer '" + customerId + "' stopped after the wallet was deactivated, and " + now;
        String detail = cause.code == Code.JOURNAL_UNAVAILABLE
                ? begin + ": this service's care journal could not be reached, so the wallet was not re-activated. The"
                        + " service completes the unlock once its journal is back; repeating the unlock then also completes it."
                : begin + ": re-activating it at the gateway did not succeed"
                        + (Boolean.FALSE.equals(cause.walletUnchanged) ? " (that activation may still be applied)" : "")
                        + ". Repeat the unlock to complete it.";
        return new CareFailure(Code.UNLOCK_INCOMPLETE, detail, null, customerId, status, false, cause.code);
    }

    /** This failure ended a change: its detail says too whether the wallet certainly stayed as it was. */
    CareFailure ofChange(boolean unchanged) {
        return new CareFailure(code, getMessage() + " " + (unchanged ? NOT_CHANGED : MAY_BE_APPLIED), retryAfter,
                customerId, customerStatus, unchanged, cause);
    }

    /** The wallet as it is now, where the failure carries it (CUSTOMER_DEACTIVATED, PRECONDITION_FAILED); else null. */
    public Customer customer() {
        return customer;
    }

    public Map<String, String> violations() {
        return violations;
    }

    public Code code() {
        return code;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** UNLOCK_INCOMPLETE: the customer and the wallet's status after the failure (null when unknown). */
    public String customerId() {
        return customerId;
    }

    public WalletStatus customerStatus() {
        return customerStatus;
    }

    /** Whether the journal could not be reached, so that the change is left for recovery to finish. */
    boolean journalAway() {
        return code == Code.JOURNAL_UNAVAILABLE || cause == Code.JOURNAL_UNAVAILABLE;
    }
}
