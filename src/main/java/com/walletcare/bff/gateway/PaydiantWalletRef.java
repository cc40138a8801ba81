package com.walletcare.bff.gateway;

import com.walletcare.bff.care.WalletRef;

/** The gateway URIs that identify one wallet in activation calls. */
record PaydiantWalletRef(String customerUri, String issuingPartnerUri, String partnerUri) implements WalletRef {
}
