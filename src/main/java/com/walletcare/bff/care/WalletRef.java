package com.walletcare.bff.care;

/**
 * What identifies one wallet to the gateway in a write, as the gateway adapter made it in a lookup. Opaque here: the
 * use cases hand it back, front ends never see it.
 */
public interface WalletRef {
}
