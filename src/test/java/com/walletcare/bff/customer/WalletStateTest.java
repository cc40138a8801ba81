package com.walletcare.bff.customer;

import static com.walletcare.bff.customer.WalletAction.ACTIVATE;
import static com.walletcare.bff.customer.WalletAction.DEACTIVATE;
import static com.walletcare.bff.customer.WalletAction.UNLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WalletStateTest {

    @ParameterizedTest(name = "active={0} locked={1}, unfinished unlock={2} -> {3} {4}")
    @CsvSource({
            "true,  false, false, ACTIVE,      DEACTIVATE",
            "true,  true,  false, LOCKED,      UNLOCK DEACTIVATE",
            "false, true,  true,  DEACTIVATED, UNLOCK ACTIVATE",
            "false, true,  false, DEACTIVATED, ACTIVATE",
            "false, false, true,  DEACTIVATED, ACTIVATE",
            "false, false, false, DEACTIVATED, ACTIVATE" })
    void everyFlagCombinationHasOneStatusAndItsActions(boolean active, boolean locked, boolean unfinishedUnlock,
            WalletStatus status, String actions) {
        WalletState state = new WalletState(active, locked);

        assertEquals(status, state.status());
        assertEquals(List.of(actions.split(" ")).stream().map(WalletAction::valueOf).toList(),
                state.availableActions(unfinishedUnlock));
    }

    @org.junit.jupiter.api.Test
    void aDeactivatedWalletOffersUnlockOnlyToFinishAnUnlockThatDidNotFinish() {
        assertEquals(List.of(UNLOCK, DEACTIVATE), new WalletState(true, true).availableActions(false));
        assertEquals(List.of(UNLOCK, ACTIVATE), new WalletState(false, true).availableActions(true));
        assertEquals(List.of(ACTIVATE), new WalletState(false, true).availableActions(false));
    }

    @org.junit.jupiter.api.Test
    void theVersionChangesExactlyWithStatusLockedFlagAndHold() {
        Hold hold = new Hold(ChangeReason.SUSPECTED_FRAUD, "FR-77", "agent.bob", java.time.Instant.parse("2026-12-05T10:12:44.120Z"));
        WalletState halfUnlocked = new WalletState(false, true);
        WalletState deactivated = new WalletState(false, false);

        assertEquals(deactivated.version(hold), new WalletState(false, false).version(hold), "same wallet, same version");
        assertNotEquals(deactivated.version(null), halfUnlocked.version(null), "the locked flag");
        assertNotEquals(deactivated.version(null), deactivated.version(hold), "the hold");
        assertNotEquals(deactivated.version(hold), deactivated.version(new Hold(ChangeReason.LOST_DEVICE, "FR-77",
                "agent.bob", hold.since())), "the hold's reason");
        assertNotEquals(new WalletState(true, false).version(null), new WalletState(true, true).version(null), "the status");
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
