package com.walletcare.bff.care;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.walletcare.bff.customer.Customer;
import com.walletcare.bff.customer.RequestTrace;
import com.walletcare.bff.customer.SearchCriteria;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Finding customers: a search by any criteria, or one customer by id, always fresh from the gateway, with what the
 * care journal knows of deactivated wallets (their hold, an unlock left unfinished), as much of them as
 * care.customer-view shows. An active or locked wallet costs no journal read; the deactivated ones of a search cost
 * one read together.
 */
@ApplicationScoped
public class CustomerLookup {

    private final WalletGateway gateway;
    private final CareHistory journal;
    private final CustomerView view;

    CustomerLookup(WalletGateway gateway, CareHistory journal, CareConfig config) {
        this.gateway = gateway;
        this.journal = journal;
        this.view = config.customerView();
    }

    public Uni<List<Customer>> search(SearchCriteria criteria, RequestTrace trace) {
        return gateway.findWallets(criteria, trace).flatMap(wallets -> withRecords(wallets, true, this::shown));
    }

    public Uni<Customer> find(String customerId, RequestTrace trace) {
        return atGateway(customerId, trace)
                .flatMap(wallet -> withRecords(List.of(wallet), true, wallets -> shown(wallets.get(0))));
    }

    private List<Customer> shown(List<Wallet> wallets) {
        return wallets.stream().map(this::shown).toList();
    }

    /** The customer as front ends see it (care.customer-view). */
    Customer shown(Wallet wallet) {
        return view.of(wallet.customer());
    }

    /**
     * The wallet for a change, with what the journal knows of it: a journal that cannot be read fails the change
     * (JOURNAL_UNAVAILABLE), as its rules depend on it.
     */
    Uni<Wallet> findWallet(String customerId, RequestTrace trace) {
        return atGateway(customerId, trace).flatMap(this::withRecord);
    }

    /**
     * The wallet as the gateway holds it, nothing more: what a change looks up between its writes, where only the
     * flags matter. The gateway's customerId search may not be exact, so only a record with exactly this id counts.
     */
    Uni<Wallet> atGateway(String customerId, RequestTrace trace) {
        return gateway.findWallets(SearchCriteria.byCustomerId(customerId), trace)
                .map(wallets -> wallets.stream()
                        .filter(wallet -> customerId.equals(wallet.customer().id()))
                        .findFirst()
                        .orElseThrow(() -> CareFailure.customerNotFound(customerId)));
    }

    /** The wallet with what the journal knows of it now, read only if it is deactivated. */
    Uni<Wallet> withRecord(Wallet wallet) {
        return withRecords(List.of(wallet), false, wallets -> wallets.get(0));
    }

    /**
     * Wallets with what the journal knows of them, then {@code then} of them (in the same step: each step of a Uni
     * costs a captured context). {@code reading}: a search or a read, which keep working while the journal cannot be
     * reached (deactivated wallets are then shown without their hold).
     */
    private <R> Uni<R> withRecords(List<Wallet> wallets, boolean reading, Function<List<Wallet>, R> then) {
        List<String> deactivated = wallets.stream().filter(wallet -> !wallet.state().active())
                .map(wallet -> wallet.customer().id()).distinct().toList();
        if (deactivated.isEmpty()) {
            return Uni.createFrom().item(then.apply(wallets.stream().map(wallet -> wallet.with(CareRecord.NONE)).toList()));
        }
        Uni<Map<String, CareRecord>> records = journal.records(deactivated);
        if (reading) {
            records = records.onFailure().recoverWithItem(failure -> {
                Log.warnf("Holds could not be read (%s): deactivated wallets are shown without them", failure.getMessage());
                return Map.of();
            });
        }
        return records.map(known -> then.apply(wallets.stream()
                .map(wallet -> wallet.with(known.getOrDefault(wallet.customer().id(), CareRecord.NONE))).toList()));
    }
}
