package com.walletcare.bff.care;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import com.walletcare.bff.care.CareFailure.Code;
import com.walletcare.bff.customer.Customer;
import com.walletcare.bff.customer.RequestTrace;
import com.walletcare.bff.customer.SearchCriteria;
import com.walletcare.bff.customer.WalletState;

import io.smallrye.mutiny.Uni;

/**
 * One wallet at a fake gateway, in memory, behind the core's port: lookups answer its flags, and each write takes the
 * next scripted {@link Answer} (a plain success once the script is used up), with the effect the gateway adapter
 * gives such an answer. What the adapter makes of real HTTP failures is tested against WireMock.
 */
final class FakeWalletGateway implements WalletGateway {

    /** How one write goes. The *_AFTER ones apply the change first. */
    enum Answer {
        SUCCESS, REFUSED, NEVER_SENT, SERVER_ERROR, TIMEOUT, TIMEOUT_AFTER, LOST_AFTER, GARBLED_AFTER
    }

    static final String ID = "vmiTxZcaSEym";
    private static final WalletRef REF = new WalletRef() {
    };

    private WalletState state;
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<Boolean> writes = new ArrayList<>();
    private int lookupsLeft = Integer.MAX_VALUE;

    FakeWalletGateway(WalletState state) {
        this.state = state;
    }

    FakeWalletGateway then(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    /** After {@code count} more lookups, every lookup fails as a lost connection does. */
    FakeWalletGateway failLookupsAfter(int count) {
        lookupsLeft = count;
        return this;
    }

    WalletState state() {
        return state;
    }

    /** The {@code activate} values of every write sent, in order. */
    List<Boolean> writes() {
        return writes;
    }

    @Override
    public Uni<List<Wallet>> findWallets(SearchCriteria criteria, RequestTrace trace) {
        if (lookupsLeft-- <= 0) {
            return Uni.createFrom().failure(CareFailure.of(Code.GATEWAY_UNAVAILABLE, "The connection to the gateway failed.", null));
        }
        Customer customer = new Customer(ID, state.status(), state.availableActions(false), "Paul", "Casey", null, null,
                null, null, null, Map.of(), null, null, null, null, List.of(), null, state.version(null));
        return Uni.createFrom().item(List.of(new Wallet(customer, state, REF)));
    }

    @Override
    public Uni<WalletWrite> updateActivation(WalletRef wallet, boolean activate, RequestTrace trace) {
        Answer answer = script.isEmpty() ? Answer.SUCCESS : script.poll();
        if (answer != Answer.NEVER_SENT) {
            writes.add(activate);
        }
        if (answer == Answer.SUCCESS || answer.name().endsWith("_AFTER")) {
            state = state.afterActivation(activate);
        }
        return Uni.createFrom().item(switch (answer) {
            case SUCCESS -> WalletWrite.APPLIED;
            case REFUSED -> new WalletWrite(WalletWrite.Effect.NOT_APPLIED,
                    CareFailure.of(Code.GATEWAY_REJECTED, "The gateway refused the activation call.", null));
            case NEVER_SENT -> new WalletWrite(WalletWrite.Effect.NOT_APPLIED,
                    CareFailure.of(Code.GATEWAY_UNAVAILABLE, "The gateway could not be reached.", null));
            case SERVER_ERROR, LOST_AFTER -> new WalletWrite(WalletWrite.Effect.UNKNOWN,
                    CareFailure.of(Code.GATEWAY_UNAVAILABLE, "The connection to the gateway failed.", null));
            case TIMEOUT, TIMEOUT_AFTER -> new WalletWrite(WalletWrite.Effect.UNKNOWN,
                    CareFailure.of(Code.GATEWAY_TIMEOUT, "The gateway did not answer in time.", null));
            case GARBLED_AFTER -> new WalletWrite(WalletWrite.Effect.UNKNOWN,
                    CareFailure.of(Code.GATEWAY_REJECTED, "The gateway answered with a body that is not valid JSON.", null));
        });
    }
}
