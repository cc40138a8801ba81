package com.walletcare.bff.gateway;

/**
 * The gateway URIs that identify one wallet in activation calls. Opaque outside this package: use cases hand it
 * back, front ends never see it.
 */
public final class WalletRef {

    final String customerUri;
    final String issuingPartnerUri;
    final String partnerUri;

    WalletRef(String customerUri, String issuingPartnerUri, String partnerUri) {
        this.customerUri = customerUri;
        this.issuingPartnerUri = issuingPartnerUri;
        this.partnerUri = partnerUri;
    }
}
