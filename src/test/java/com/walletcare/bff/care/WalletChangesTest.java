package com.walletcare.bff.care;

import static com.walletcare.bff.care.FakeWalletGateway.Answer.GARBLED_AFTER;
import static com.walletcare.bff.care.FakeWalletGateway.Answer.LOST_AFTER;
import static com.walletcare.bff.care.FakeWalletGateway.Answer.NEVER_SENT;
import static com.walletcare.bff.care.FakeWalletGateway.Answer.REFUSED;
import static com.walletcare.bff.care.FakeWalletGateway.Answer.SERVER_ERROR;
import static com.walletcare.bff.care.FakeWalletGateway.Answer.SUCCESS;
import static com.walletcare.bff.care.FakeWalletGateway.Answer.TIMEOUT;
import static com.walletcare.bff.care.FakeWalletGateway.Answer.TIMEOUT_AFTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.walletcare.bff.care.CareFailure.Code;
import com.walletcare.bff.customer.ActionOutcome;
import com.walletcare.bff.customer.ChangeReason;
import com.walletcare.bff.customer.RequestTrace;
import com.walletcare.bff.customer.WalletState;
import com.walletcare.bff.customer.WalletStatus;
import com.walletcare.bff.customer.WalletAction;

import io.smallrye.mutiny.Uni;

/**
 * The change state machines against a fake gateway, without HTTP: every transition, and every way a write can end.
 * The rule under test: the answer is true of the wallet the fake gateway holds once the call is over.
 */
class WalletChangesTest {

    private static final String ID = FakeWalletGateway.ID;
    private static final WalletState ACTIVE = new WalletState(true, false);
    private static final WalletState LOCKED = new WalletState(true, true);
    private static final WalletState HALF_UNLOCKED = new WalletState(false, true);
    private static final WalletState DEACTIVATED = new WalletState(false, false);

    private static WalletChanges changes(FakeWalletGateway fake) {
        return changes(fake, new MemoryLeases());
    }

    private static WalletChanges changes(FakeWalletGateway gateway, ChangeLeases leases) {
        CareConfig config = new CareConfig() {
            public Duration answerTimeout() {
                return Duration.ofSeconds(5);
            }

            public Duration changeWait() {
                return Duration.ofSeconds(1);
            }

            public long changesPerAgentPerMinute() {
                return 30;
            }

            public CustomerView customerView() {
                return CustomerView.FULL;
            }

            public Verification verification() {
                throw new UnsupportedOperationException("changes do not verify");
            }
        };
        return new WalletChanges(new CustomerLookup(gateway, (CareHistory) leases, config), gateway,
                new OneFlightPerCustomer(config), leases, CareTelemetry.none(), config, 1);
    }

    private static ChangeIntent intent(WalletAction action) {
        return new ChangeIntent(ID, action, "agent", null, null, "test");
    }

    private static ActionResult run(FakeWalletGateway fake, String action) {
        return run(fake, new MemoryLeases(), action);
    }

    private static ActionResult run(FakeWalletGateway fake, MemoryLeases leases, String action) {
        WalletChanges changes = changes(fake, leases);
        RequestTrace trace = new RequestTrace("test");
        Uni<ActionResult> call = switch (action) {
            case "unlock" -> changes.unlock(intent(WalletAction.UNLOCK), trace);
            case "activate" -> changes.activate(intent(WalletAction.ACTIVATE), trace);
            case "deactivate" -> changes.deactivate(intent(WalletAction.DEACTIVATE), trace);
            default -> throw new IllegalArgumentException(action);
        };
        return call.await().atMost(Duration.ofSeconds(5));
    }

    @ParameterizedTest(name = "{0} from active={1} locked={2}: {3}, writes {4}")
    @CsvSource({
            "unlock,     true,  true,  UNLOCKED,            false true",
            "unlock,     true,  false, ALREADY_UNLOCKED,    ''",
            "activate,   false, false, ACTIVATED,           true",
            "activate,   false, true,  ACTIVATED,           true",
            "activate,   true,  true,  ALREADY_ACTIVE,      ''",
            "activate,   true,  false, ALREADY_ACTIVE,      ''",
            "deactivate, true,  false, DEACTIVATED,         false",
            "deactivate, true,  true,  DEACTIVATED,         false",
            "deactivate, false, true,  ALREADY_DEACTIVATED, ''",
            "deactivate, false, false, ALREADY_DEACTIVATED, ''" })
    void everyTransitionEndsWhereItsAnswerSays(String action, boolean active, boolean locked, ActionOutcome outcome,
            String writes) {
        FakeWalletGateway fake = new FakeWalletGateway(new WalletState(active, locked));

        ActionResult result = run(fake, action);

        assertEquals(outcome, result.outcome());
        assertEquals(fake.state().status(), result.customer().status());
        assertEquals(writes.isBlank() ? List.of() : List.of(writes.split(" ")).stream().map(Boolean::valueOf).toList(),
                fake.writes());
    }

    @Test
    void unlockingADeactivatedWalletThatIsNotLockedIsRefusedAndChangesNothing() {
        FakeWalletGateway fake = new FakeWalletGateway(DEACTIVATED);

        assertEquals(Code.CUSTOMER_DEACTIVATED, assertThrows(CareFailure.class, () -> run(fake, "unlock")).code());
        assertEquals(List.of(), fake.writes());
    }

    @Test
    void aDeactivationThatTimedOutAfterLandingIsLookedUpAndNotSentAgain() {
        FakeWalletGateway fake = new FakeWalletGateway(LOCKED).then(TIMEOUT_AFTER);

        ActionResult result = run(fake, "unlock");

        assertEquals(ActionOutcome.UNLOCKED, result.outcome());
        assertEquals(ACTIVE, fake.state());
        assertEquals(List.of(false, true), fake.writes());
    }

    @Test
    void aWriteThatTimedOutWithoutLandingIsSentOnceMoreAfterTheLookup() {
        FakeWalletGateway fake = new FakeWalletGateway(ACTIVE).then(TIMEOUT);

        ActionResult result = run(fake, "deactivate");

        assertEquals(ActionOutcome.DEACTIVATED, result.outcome());
        assertEquals(WalletStatus.DEACTIVATED, result.customer().status());
        assertEquals(List.of(false, false), fake.writes());
    }

    @Test
    void aRefusedWriteIsNotRepeatedAndTheWalletIsReportedUnchanged() {
        FakeWalletGateway fake = new FakeWalletGateway(ACTIVE).then(REFUSED);

        var failure = assertThrows(CareFailure.class, () -> run(fake, "deactivate"));

        assertTrue(failure.getMessage().endsWith("The wallet was not changed."));
        assertEquals(ACTIVE, fake.state());
        assertEquals(List.of(false), fake.writes());
    }

    @Test
    void aWriteThatCouldNotBeSentIsReportedUnchanged() {
        FakeWalletGateway fake = new FakeWalletGateway(DEACTIVATED).then(NEVER_SENT);

        var failure = assertThrows(CareFailure.class, () -> run(fake, "activate"));

        assertTrue(failure.getMessage().endsWith("The wallet was not changed."));
        assertEquals(DEACTIVATED, fake.state());
    }

    @Test
    void aGarbledAnswerAfterASlowAttemptIsNeverReportedUnchangedAndTheLandedChangeIsReported() {
        FakeWalletGateway fake = new FakeWalletGateway(ACTIVE).then(TIMEOUT, GARBLED_AFTER);

        ActionResult result = run(fake, "deactivate");

        assertEquals(ActionOutcome.DEACTIVATED, result.outcome());
        assertEquals(DEACTIVATED, fake.state());
    }

    @Test
    void twoUnknownAttemptsThatDidNotLandSayTheChangeMayStillBeApplied() {
        FakeWalletGateway fake = new FakeWalletGateway(ACTIVE).then(SERVER_ERROR, SERVER_ERROR);

        var failure = assertThrows(CareFailure.class, () -> run(fake, "deactivate"));

        assertTrue(failure.getMessage().endsWith("The change may still be applied; repeating the request is safe."));
        assertEquals(List.of(false, false), fake.writes());
    }

    @Test
    void anActivationAppliedThenLostCompletesTheUnlock() {
        FakeWalletGateway fake = new FakeWalletGateway(LOCKED).then(SUCCESS, LOST_AFTER);

        ActionResult result = run(fake, "unlock");

        assertEquals(ActionOutcome.UNLOCKED, result.outcome());
        assertEquals(WalletStatus.ACTIVE, result.customer().status());
        assertEquals(ACTIVE, fake.state());
    }

    @Test
    void anIncompleteUnlockCarriesTheStatusALookupFoundAfterTheFailure() {
        FakeWalletGateway fake = new FakeWalletGateway(LOCKED).then(SUCCESS, SERVER_ERROR, SERVER_ERROR);

        var failure = assertThrows(CareFailure.class, () -> run(fake, "unlock"));

        assertEquals(WalletStatus.DEACTIVATED, failure.customerStatus());
        assertEquals(HALF_UNLOCKED, fake.state());
    }

    @Test
    void anIncompleteUnlockWhoseStatusCannotBeReadSaysSoInsteadOfGuessing() {
        // The write's effect is unknown, and every lookup after the first fails: nothing tells what the wallet holds.
        FakeWalletGateway fake = new FakeWalletGateway(HALF_UNLOCKED).then(SERVER_ERROR).failLookupsAfter(1);

        var failure = assertThrows(CareFailure.class, () -> run(fake, new MemoryLeases().afterUnfinishedUnlock(ID), "unlock"));

        assertEquals(null, failure.customerStatus());
        assertTrue(failure.getMessage().contains("its status could not be read"));
    }

    @Test
    void aReplicaThatCannotProveItsLeaseFreshSendsNoWriteSaysTheJournalIsUnavailableAndLeavesTheChangeToRecovery() {
        FakeWalletGateway fake = new FakeWalletGateway(LOCKED);
        MemoryLeases leases = new MemoryLeases().stale();

        var failure = assertThrows(CareFailure.class, () -> changes(fake, leases)
                .unlock(intent(WalletAction.UNLOCK), new RequestTrace("t")).await().atMost(Duration.ofSeconds(5)));

        assertEquals(Code.JOURNAL_UNAVAILABLE, failure.code());
        assertEquals(List.of(), fake.writes());
        assertEquals(LOCKED, fake.state());
        assertEquals(List.of(leases.history(ID, null, 10).await().indefinitely().actions().get(0).id()), leases.abandoned(),
                "the change's own lease");
        assertEquals(List.of(), leases.outcomes());
    }

    @Test
    void everyChangeEndsWithItsOutcomeJournaled() {
        FakeWalletGateway fake = new FakeWalletGateway(LOCKED).then(SUCCESS, REFUSED);
        MemoryLeases leases = new MemoryLeases();

        assertThrows(CareFailure.class, () -> changes(fake, leases)
                .unlock(intent(WalletAction.UNLOCK), new RequestTrace("t")).await().atMost(Duration.ofSeconds(5)));
        changes(fake, leases).activate(intent(WalletAction.ACTIVATE), new RequestTrace("t")).await().atMost(Duration.ofSeconds(5));

        assertEquals(List.of(ChangeOutcome.UNLOCK_INCOMPLETE, ChangeOutcome.ACTIVATED), leases.outcomes());
    }

    private static ChangeIntent intent(WalletAction action, ChangeReason reason, String ticketId, boolean supervisor,
            Set<String> ifMatch) {
        return new ChangeIntent(ID, action, "agent.bob", reason, ticketId, "test", supervisor, ifMatch);
    }

    private static ActionResult run(WalletChanges changes, ChangeIntent intent) {
        RequestTrace trace = new RequestTrace("test");
        Uni<ActionResult> call = switch (intent.action()) {
            case UNLOCK -> changes.unlock(intent, trace);
            case ACTIVATE -> changes.activate(intent, trace);
            case DEACTIVATE -> changes.deactivate(intent, trace);
        };
        return call.await().atMost(Duration.ofSeconds(5));
    }

    @Test
    void unlockLeavesAWalletDeactivatedOnPurposeAsItIsAndSaysWhoDeactivatedIt() {
        FakeWalletGateway fake = new FakeWalletGateway(LOCKED);
        MemoryLeases leases = new MemoryLeases();
        WalletChanges changes = changes(fake, leases);
        run(changes, intent(WalletAction.DEACTIVATE, ChangeReason.LOST_DEVICE, "CS-9", false, null));

        CareFailure refused = assertThrows(CareFailure.class, () -> run(changes, intent(WalletAction.UNLOCK)));

        assertEquals(Code.CUSTOMER_DEACTIVATED, refused.code());
        assertEquals("agent.bob", refused.customer().hold().agent());
        assertEquals(List.of(WalletAction.ACTIVATE), refused.customer().availableActions());
        assertEquals(List.of(false), fake.writes(), "only the deactivation");
        assertEquals(HALF_UNLOCKED, fake.state());
    }

    @Test
    void unlockFinishesAnUnlockOfThisServiceThatDidNotFinish() {
        FakeWalletGateway fake = new FakeWalletGateway(HALF_UNLOCKED);

        ActionResult result = run(fake, new MemoryLeases().afterUnfinishedUnlock(ID), "unlock");

        assertEquals(ActionOutcome.UNLOCKED, result.outcome());
        assertEquals(List.of(true), fake.writes());
    }

    @Test
    void anUnlocksOwnDeactivationPlacesNoHold() {
        FakeWalletGateway fake = new FakeWalletGateway(LOCKED).then(SUCCESS, REFUSED);
        MemoryLeases leases = new MemoryLeases();

        assertEquals(Code.UNLOCK_INCOMPLETE, assertThrows(CareFailure.class, () -> run(fake, leases, "unlock")).code());

        assertEquals(Map.of(), leases.holds());
        assertTrue(leases.records(List.of(ID)).await().indefinitely().get(ID).unfinishedUnlock(), "the unlock can be finished");
    }

    @Test
    void aDeactivationPlacesAHoldThatTheAnswerShowsAndAFraudDeactivationUpgradesIt() {
        FakeWalletGateway fake = new FakeWalletGateway(ACTIVE);
        MemoryLeases leases = new MemoryLeases();
        WalletChanges changes = changes(fake, leases);

        ActionResult lost = run(changes, intent(WalletAction.DEACTIVATE, ChangeReason.LOST_DEVICE, "CS-1", false, null));
        ActionResult fraud = run(changes, intent(WalletAction.DEACTIVATE, ChangeReason.SUSPECTED_FRAUD, "FR-77", false, null));
        ActionResult again = run(changes, intent(WalletAction.DEACTIVATE, ChangeReason.CUSTOMER_REQUEST, "CS-2", false, null));

        assertEquals(ChangeReason.LOST_DEVICE, lost.customer().hold().reason());
        assertEquals(ActionOutcome.ALREADY_DEACTIVATED, fraud.outcome());
        assertEquals("FR-77", fraud.customer().hold().ticketId());
        assertEquals(ChangeReason.SUSPECTED_FRAUD, again.customer().hold().reason(), "nothing downgrades a fraud hold");
        assertNotEquals(lost.customer().version(), fraud.customer().version());
        assertEquals(fraud.customer().version(), again.customer().version());
    }

    @Test
    void aFraudHoldIsLiftedOnlyByASupervisorWhoSaysWhyAndNothingIsSentOtherwise() {
        FakeWalletGateway fake = new FakeWalletGateway(ACTIVE);
        MemoryLeases leases = new MemoryLeases();
        WalletChanges changes = changes(fake, leases);
        run(changes, intent(WalletAction.DEACTIVATE, ChangeReason.SUSPECTED_FRAUD, "FR-77", false, null));

        assertEquals(Code.SUPERVISOR_REQUIRED, assertThrows(CareFailure.class, () -> run(changes,
                intent(WalletAction.ACTIVATE, ChangeReason.CUSTOMER_REQUEST, "CS-3", false, null))).code());
        CareFailure noTicket = assertThrows(CareFailure.class, () -> run(changes,
                intent(WalletAction.ACTIVATE, ChangeReason.CUSTOMER_REQUEST, null, true, null)));
        assertEquals(Code.VALIDATION_FAILED, noTicket.code());
        assertEquals(Set.of("ticketId"), noTicket.violations().keySet());
        assertEquals(List.of(false), fake.writes(), "no write for either refusal");

        ActionResult lifted = run(changes, intent(WalletAction.ACTIVATE, ChangeReason.CUSTOMER_REQUEST, "FR-77", true, null));

        assertEquals(ActionOutcome.ACTIVATED, lifted.outcome());
        assertEquals(null, lifted.customer().hold());
        assertEquals(Map.of(), leases.holds());
    }

    @Test
    void aChangeFromAStaleScreenIsRefusedWithTheWalletAsItIsAndNothingIsSent() {
        FakeWalletGateway fake = new FakeWalletGateway(ACTIVE);
        WalletChanges changes = changes(fake, new MemoryLeases());
        String shown = ACTIVE.version(null);
        run(changes, intent(WalletAction.DEACTIVATE, null, null, false, Set.of(shown)));

        CareFailure stale = assertThrows(CareFailure.class,
                () -> run(changes, intent(WalletAction.DEACTIVATE, null, null, false, Set.of(shown))));

        assertEquals(Code.PRECONDITION_FAILED, stale.code());
        assertEquals(WalletStatus.DEACTIVATED, stale.customer().status());
        assertEquals(List.of(false), fake.writes());
        assertEquals(ActionOutcome.ACTIVATED,
                run(changes, intent(WalletAction.ACTIVATE, null, null, false, Set.of("*"))).outcome(), "* matches any");
    }
}
