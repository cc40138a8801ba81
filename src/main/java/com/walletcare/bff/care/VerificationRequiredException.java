package com.walletcare.bff.care;

import com.walletcare.bff.customer.WalletAction;

/** A change that care.verification.required-for lists came without a valid verification; the gateway was not asked. */
public class VerificationRequiredException extends RuntimeException {

    public VerificationRequiredException(WalletAction action) {
        super(action + " needs a verificationId from a verification of this customer by you in the last minutes: "
                + "verify the caller (POST /customers/{id}/verification) and send its verificationId in the body.",
                null, false, false);
    }
}
