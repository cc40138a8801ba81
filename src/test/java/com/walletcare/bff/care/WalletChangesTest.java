package com.walletcare.bff.care;

import static com.walletcare.bff.gateway.FakePaydiant.Answer.GARBLED_AFTER;
import static com.walletcare.bff.gateway.FakePaydiant.Answer.LOST_AFTER;
import static com.walletcare.bff.gateway.FakePaydiant.Answer.NEVER_SENT;
import static com.walletcare.bff.gateway.FakePaydiant.Answer.REFUSED;
import static com.walletcare.bff.gateway.FakePaydiant.Answer.SERVER_ERROR;
import static com.walletcare.bff.gateway.FakePaydiant.Answer.SUCCESS;
import static com.walletcare.bff.gateway.FakePaydiant.Answer.TIMEOUT;
import static com.walletcare.bff.gateway.FakePaydiant.Answer.TIMEOUT_AFTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.walletcare.bff.customer.ActionOutcome;
import com.walletcare.bff.customer.RequestTrace;
import com.walletcare.bff.customer.WalletState;
import com.walletcare.bff.customer.WalletStatus;
import com.walletcare.bff.customer.WalletAction;
import com.walletcare.bff.gateway.FakePaydiant;
import com.walletcare.bff.journal.CareJournal;
import com.walletcare.bff.journal.ChangeIntent;
import com.walletcare.bff.journal.JournalUnavailableException;

import io.smallrye.mutiny.Uni;

/**
 * The change state machines against a fake gateway, without HTTP: every transition, and every way a write can end.
 * The rule under test: the answer is true of the wallet the fake gateway holds once the call is over.
 */
class WalletChangesTest {

    private static final String ID = FakePaydiant.ID;
    private static final WalletState ACTIVE = new WalletState(true, false);
    private static final WalletState LOCKED = new WalletState(true, true);
    private static final WalletState HALF_UNLOCKED = new WalletState(false, true);
    private static final WalletState DEACTIVATED = new WalletState(false, false);

    private static WalletChanges changes(FakePaydiant fake) {
        return changes(fake, CareJournal.inMemory());
    }

    private static WalletChanges changes(FakePaydiant fake, CareJournal journal) {
        var gateway = fake.gateway();
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
        return new WalletChanges(new CustomerLookup(gateway, config), gateway, new OneFlightPerCustomer(config),
                journal, config, FakePaydiant.CONFIG);
    }

    private static ChangeIntent intent(WalletAction action) {
        return new ChangeIntent(ID, action, "agent", null, null, "test");
    }

    private static ActionResult run(FakePaydiant fake, String action) {
        WalletChanges changes = changes(fake);
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
            "unlock,     false, true,  UNLOCKED,            true",
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
        FakePaydiant fake = new FakePaydiant(new WalletState(active, locked));

        ActionResult result = run(fake, action);

        assertEquals(outcome, result.outcome());
        assertEquals(fake.state().status(), result.customer().status());
        assertEquals(writes.isBlank() ? List.of() : List.of(writes.split(" ")).stream().map(Boolean::valueOf).toList(),
                fake.writes());
    }

    @Test
    void unlockingADeactivatedWalletThatIsNotLockedIsRefusedAndChangesNothing() {
        FakePaydiant fake = new FakePaydiant(DEACTIVATED);

        assertThrows(CustomerDeactivatedException.class, () -> run(fake, "unlock"));
        assertEquals(List.of(), fake.writes());
    }

    @Test
    void aDeactivationThatTimedOutAfterLandingIsLookedUpAndNotSentAgain() {
        FakePaydiant fake = new FakePaydiant(LOCKED).then(TIMEOUT_AFTER);

        ActionResult result = run(fake, "unlock");

        assertEquals(ActionOutcome.UNLOCKED, result.outcome());
        assertEquals(ACTIVE, fake.state());
        assertEquals(List.of(false, true), fake.writes());
    }

    @Test
    void aWriteThatTimedOutWithoutLandingIsSentOnceMoreAfterTheLookup() {
        FakePaydiant fake = new FakePaydiant(ACTIVE).then(TIMEOUT);

        ActionResult result = run(fake, "deactivate");

        assertEquals(ActionOutcome.DEACTIVATED, result.outcome());
        assertEquals(WalletStatus.DEACTIVATED, result.customer().status());
        assertEquals(List.of(false, false), fake.writes());
    }

    @Test
    void aRefusedWriteIsNotRepeatedAndTheWalletIsReportedUnchanged() {
        FakePaydiant fake = new FakePaydiant(ACTIVE).then(REFUSED);

        var failure = assertThrows(WalletChangeFailedException.class, () -> run(fake, "deactivate"));

        assertTrue(failure.walletUnchanged());
        assertEquals(ACTIVE, fake.state());
        assertEquals(List.of(false), fake.writes());
    }

    @Test
    void aWriteThatCouldNotBeSentIsReportedUnchanged() {
        FakePaydiant fake = new FakePaydiant(DEACTIVATED).then(NEVER_SENT);

        var failure = assertThrows(WalletChangeFailedException.class, () -> run(fake, "activate"));

        assertTrue(failure.walletUnchanged());
        assertEquals(DEACTIVATED, fake.state());
    }

    @Test
    void aGarbledAnswerAfterASlowAttemptIsNeverReportedUnchangedAndTheLandedChangeIsReported() {
        FakePaydiant fake = new FakePaydiant(ACTIVE).then(TIMEOUT, GARBLED_AFTER);

        ActionResult result = run(fake, "deactivate");

        assertEquals(ActionOutcome.DEACTIVATED, result.outcome());
        assertEquals(DEACTIVATED, fake.state());
    }

    @Test
    void twoUnknownAttemptsThatDidNotLandSayTheChangeMayStillBeApplied() {
        FakePaydiant fake = new FakePaydiant(ACTIVE).then(SERVER_ERROR, SERVER_ERROR);

        var failure = assertThrows(WalletChangeFailedException.class, () -> run(fake, "deactivate"));

        assertFalse(failure.walletUnchanged());
        assertTrue(failure.walletNote().contains("may still be applied"));
        assertEquals(List.of(false, false), fake.writes());
    }

    @Test
    void anActivationAppliedThenLostCompletesTheUnlock() {
        FakePaydiant fake = new FakePaydiant(LOCKED).then(SUCCESS, LOST_AFTER);

        ActionResult result = run(fake, "unlock");

        assertEquals(ActionOutcome.UNLOCKED, result.outcome());
        assertEquals(WalletStatus.ACTIVE, result.customer().status());
        assertEquals(ACTIVE, fake.state());
    }

    @Test
    void anIncompleteUnlockCarriesTheStatusALookupFoundAfterTheFailure() {
        FakePaydiant fake = new FakePaydiant(LOCKED).then(SUCCESS, SERVER_ERROR, SERVER_ERROR);

        var failure = assertThrows(UnlockIncompleteException.class, () -> run(fake, "unlock"));

        assertEquals(WalletStatus.DEACTIVATED, failure.customerStatus());
        assertEquals(HALF_UNLOCKED, fake.state());
    }

    @Test
    void anIncompleteUnlockWhoseStatusCannotBeReadSaysSoInsteadOfGuessing() {
        // The write's effect is unknown, and every lookup after the first fails: nothing tells what the wallet holds.
        FakePaydiant fake = new FakePaydiant(HALF_UNLOCKED).then(SERVER_ERROR).failLookupsAfter(1);

        var failure = assertThrows(UnlockIncompleteException.class, () -> run(fake, "unlock"));

        assertEquals(null, failure.customerStatus());
        assertTrue(failure.getMessage().contains("its status could not be read"));
    }

    @Test
    void aReplicaThatNoLongerHoldsTheWalletSendsNoWriteAndSaysTheJournalIsUnavailable() {
        FakePaydiant fake = new FakePaydiant(LOCKED);
        CareJournal memory = CareJournal.inMemory();
        // A journal whose confirmations never come back fresh (a database that answers too slowly to prove the lease).
        CareJournal unrenewed = (CareJournal) Proxy.newProxyInstance(CareJournal.class.getClassLoader(),
                new Class<?>[] { CareJournal.class }, (proxy, method, args) -> "confirmed".equals(method.getName())
                        ? Boolean.FALSE
                        : method.invoke(memory, args));

        assertThrows(JournalUnavailableException.class, () -> changes(fake, unrenewed)
                .unlock(intent(WalletAction.UNLOCK), new RequestTrace("t")).await().atMost(Duration.ofSeconds(5)));

        assertEquals(List.of(), fake.writes());
        assertEquals(LOCKED, fake.state());
    }
}
