package com.walletcare.bff.care;

import com.walletcare.bff.customer.Hold;

/**
 * What the care journal knows of a wallet beyond the gateway's flags: its hold, if a deactivate through this service
 * placed one, and whether the latest change made to it through this service is an unlock that did not finish (it ended
 * UNLOCK_INCOMPLETE, or was interrupted), the only case where unlock may re-activate a deactivated wallet.
 */
public record CareRecord(Hold hold, boolean unfinishedUnlock) {

    public static final CareRecord NONE = new CareRecord(null, false);
}
