package com.walletcare.bff.care;

import com.walletcare.bff.customer.ActionOutcome;

/**
 * How a change ended, as the journal records it and its history shows it: one of the action outcomes, INTERRUPTED
 * (recovery found that the change had not happened), or the failure that ended it. The names are the stored values:
 * renaming one needs a migration of the journal.
 */
public enum ChangeOutcome {
    UNLOCKED, ALREADY_UNLOCKED, ACTIVATED, ALREADY_ACTIVE, DEACTIVATED, ALREADY_DEACTIVATED,
    INTERRUPTED,
    CUSTOMER_NOT_FOUND, CUSTOMER_DEACTIVATED, CHANGE_IN_PROGRESS, UNLOCK_INCOMPLETE, VERIFICATION_REQUIRED, RATE_LIMITED,
    TOO_MANY_ATTEMPTS, GATEWAY_REJECTED, GATEWAY_AUTH_FAILED, GATEWAY_UNAVAILABLE, GATEWAY_TIMEOUT, JOURNAL_UNAVAILABLE,
    SUPERVISOR_REQUIRED, VALIDATION_FAILED, PRECONDITION_FAILED,
    /** A failure that is none of this service's own: a bug. */
    INTERNAL_ERROR;

    public static ChangeOutcome of(ActionOutcome outcome) {
        return valueOf(outcome.name());
    }

    public static ChangeOutcome of(Throwable failure) {
        return failure instanceof CareFailure care ? valueOf(care.code().name()) : INTERNAL_ERROR;
    }

    /** An unlock that ended so has left the wallet deactivated by its own hand: a later unlock may finish it. */
    public static final java.util.Set<ChangeOutcome> UNFINISHED_UNLOCK = java.util.EnumSet.of(UNLOCK_INCOMPLETE, INTERRUPTED);

    /** The action outcome, for a change that ended well; null otherwise. */
    public ActionOutcome action() {
        return ordinal() <= ALREADY_DEACTIVATED.ordinal() ? ActionOutcome.valueOf(name()) : null;
    }
}
