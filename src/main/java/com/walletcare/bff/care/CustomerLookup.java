package com.walletcare.bff.care;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.walletcare.bff.customer.Customer;
import com.walletcare.bff.customer.RequestTrace;
import com.walletcare.bff.customer.SearchCriteria;

import io.smallrye.mutiny.Uni;

/**
 * Finding customers: a search by any criteria, or one customer by id, always fresh from the gateway, as much of them
 * as care.customer-view shows.
 */
@ApplicationScoped
public class CustomerLookup {

    private final WalletGateway gateway;
    private final CustomerView view;

    CustomerLookup(WalletGateway gateway, CareConfig config) {
        this.gateway = gateway;
        this.view = config.customerView();
    }

    public Uni<List<Customer>> search(SearchCriteria criteria, RequestTrace trace) {
        return gateway.findWallets(criteria, trace).map(wallets -> wallets.stream().map(wallet -> view.of(wallet.customer())).toList());
    }

    public Uni<Customer> find(String customerId, RequestTrace trace) {
        return findWallet(customerId, trace).map(wallet -> view.of(wallet.customer()));
    }

    /** The gateway's customerId search may not be exact, so only a record with exactly this id counts. */
    Uni<Wallet> findWallet(String customerId, RequestTrace trace) {
        return gateway.findWallets(SearchCriteria.byCustomerId(customerId), trace)
                .map(wallets -> wallets.stream()
                        .filter(wallet -> customerId.equals(wallet.customer().id()))
                        .findFirst()
                        .orElseThrow(() -> CareFailure.customerNotFound(customerId)));
    }
}
