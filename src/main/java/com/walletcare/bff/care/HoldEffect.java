package com.walletcare.bff.care;

import com.walletcare.bff.customer.WalletAction;

/**
 * What the end of a change does to the wallet's hold, recorded together with that end. A deactivate that ended with the
 * wallet deactivated places one (an existing hold is kept, except that a SUSPECTED_FRAUD one replaces a hold of any
 * other reason: nothing downgrades a fraud hold); an activate that ended with the wallet active lifts it. An unlock,
 * whose own deactivation is a step and not a decision, never places one.
 */
public enum HoldEffect {
    PLACE, LIFT, NONE;

    static HoldEffect of(WalletAction action, ChangeOutcome outcome) {
        return switch (action) {
            case DEACTIVATE -> outcome == ChangeOutcome.DEACTIVATED || outcome == ChangeOutcome.ALREADY_DEACTIVATED ? PLACE : NONE;
            case ACTIVATE -> outcome == ChangeOutcome.ACTIVATED || outcome == ChangeOutcome.ALREADY_ACTIVE ? LIFT : NONE;
            case UNLOCK -> NONE;
        };
    }
}
