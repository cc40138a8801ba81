package com.walletcare.bff.customer;

import static com.walletcare.bff.customer.WalletAction.ACTIVATE;
import static com.walletcare.bff.customer.WalletAction.DEACTIVATE;
import static com.walletcare.bff.customer.WalletAction.UNLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WalletStateTest {

    @ParameterizedTest(name = "active={0} locked={1} -> {2} {3}")
    @CsvSource({
            "true,  false, ACTIVE,      DEACTIVATE",
            "true,  true,  LOCKED,      UNLOCK DEACTIVATE",
            "false, true,  DEACTIVATED, UNLOCK ACTIVATE",
            "false, false, DEACTIVATED, ACTIVATE" })
    void everyFlagCombinationHasOneStatusAndItsActions(boolean active, boolean locked, WalletStatus status,
            String actions) {
        WalletState state = new WalletState(active, locked);

        assertEquals(status, state.status());
        assertEquals(List.of(actions.split(" ")).stream().map(WalletAction::valueOf).toList(), state.availableActions());
    }

    @org.junit.jupiter.api.Test
    void unlockIsOfferedExactlyWhenTheWalletIsLocked() {
        assertEquals(List.of(UNLOCK, DEACTIVATE), new WalletState(true, true).availableActions());
        assertEquals(List.of(UNLOCK, ACTIVATE), new WalletState(false, true).availableActions());
    }

    @ParameterizedTest(name = "active={0} locked={1}, activate={2} -> active={3} locked={4}")
    @CsvSource({
            "true,  false, false, false, false",
            "true,  true,  false, false, true",
            "false, true,  true,  true,  false",
            "false, false, true,  true,  false",
            "true,  true,  true,  true,  true",
            "true,  false, true,  true,  false",
            "false, true,  false, false, true",
            "false, false, false, false, false" })
    void onlyActivatingAnInactiveWalletClearsItsLock(boolean active, boolean locked, boolean activate,
            boolean activeAfter, boolean lockedAfter) {
        assertEquals(new WalletState(activeAfter, lockedAfter), new WalletState(active, locked).afterActivation(activate));
    }
}
