package com.walletcare.bff.care;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.walletcare.bff.customer.Customer;
import com.walletcare.bff.customer.RequestTrace;
import com.walletcare.bff.customer.WalletAction;

import io.smallrye.mutiny.Uni;

/**
 * The use case's step 2: the agent types what the caller says, and this compares it with the customer's record, fresh
 * from the gateway, in normal form ({@link Factor}) and in constant time. The caller is verified when at least
 * care.verification.min-matches answers match, one of them among care.verification.one-of, and none is wrong. A
 * verified caller gets a verificationId for the changes that need one ({@link VerificationTokens}, {@link #require}).
 *
 * <p>Guessing is bounded per customer: after care.verification.failures-allowed failed verifications in a fixed
 * window, further attempts are refused before the gateway is asked, until the next window. Counted by the
 * {@link HitCounter}, so across replicas with PostgreSQL; attempts running at the same moment may each
 * pass the check once.
 *
 * <p>Every attempt that reached the comparison is in the wallet's history ({@link CareJournal}): VERIFIED or
 * NOT_VERIFIED, and the names of the factors that matched; never the answers.
 */
@ApplicationScoped
public class CallerVerification {

    private final CustomerLookup lookup;
    private final VerificationTokens tokens;
    private final HitCounter failures;
    private final CareHistory journal;
    private final CareConfig.Verification policy;
    private final Set<Factor> oneOf;
    private final Set<WalletAction> requiredFor;

    private final InstantSource clock;

    CallerVerification(CustomerLookup lookup, VerificationTokens tokens, HitCounter failures, CareHistory journal,
            CareConfig config, InstantSource clock) {
        this.clock = clock;
        this.lookup = lookup;
        this.tokens = tokens;
        this.failures = failures;
        this.journal = journal;
        this.policy = config.verification();
        this.oneOf = policy.oneOf().orElse(Set.of());
        this.requiredFor = policy.requiredFor().orElse(Set.of());
    }

    /**
     * Lets {@code action} by {@code agent} on {@code customerId} go ahead only with a valid verification of that
     * customer by that agent, where care.verification.required-for lists the action. A missing, altered, foreign or
     * expired verificationId fails alike, with VERIFICATION_REQUIRED.
     */
    public void require(WalletAction action, String customerId, String agent, String verificationId) {
        if (requiredFor.contains(action) && !tokens.valid(verificationId, customerId, agent)) {
            throw CareFailure.verificationRequired(action);
        }
    }

    /** Compares the caller's {@code answers} (each in its factor's normal form) with the record of {@code customerId}. */
    public Uni<VerificationResult> verify(String customerId, String agent, Map<Factor, String> answers, RequestTrace trace) {
        Duration window = policy.failureWindow();
        String key = "verify-failures:" + customerId;
        return failures.hits(key, window).chain(failed -> {
            if (failed.hits() >= policy.failuresAllowed()) {
                throw CareFailure.tooManyAttempts(failed.left());
            }
            return lookup.findWallet(customerId, trace);
        }).chain(wallet -> {
            VerificationResult result = compare(wallet.customer(), agent, answers, clock.instant());
            Uni<?> counted = result.verified() ? Uni.createFrom().voidItem() : failures.hit(key, window);
            return counted.chain(() -> journal.verification(customerId, agent, trace.requestId(), result.verified(),
                    result.matched().stream().map(Factor::name).toList())).replaceWith(result);
        });
    }

    private VerificationResult compare(Customer customer, String agent, Map<Factor, String> answers, Instant now) {
        List<Factor> matched = new ArrayList<>();
        List<Factor> notMatched = new ArrayList<>();
        List<Factor> missing = new ArrayList<>();
        for (Factor factor : Factor.values()) {
            String answer = answers.get(factor);
            if (answer == null) {
                missing.add(factor);
            } else if (same(answer, factor.stored(customer))) {
                matched.add(factor);
            } else {
                notMatched.add(factor);
            }
        }
        boolean verified = notMatched.isEmpty() && matched.size() >= policy.minMatches()
                && (oneOf.isEmpty() || !Collections.disjoint(matched, oneOf));
        if (!verified) {
            return new VerificationResult(false, matched, notMatched, missing, null, null);
        }
        Instant expiry = now.plus(policy.validFor()).truncatedTo(ChronoUnit.SECONDS);
        return new VerificationResult(true, matched, notMatched, missing, tokens.issue(customer.id(), agent, expiry), expiry);
    }

    /** Constant time in the values: how long the comparison takes says nothing about how much of an answer was right. */
    private static boolean same(String answer, String stored) {
        return stored != null && MessageDigest.isEqual(answer.getBytes(StandardCharsets.UTF_8),
                stored.getBytes(StandardCharsets.UTF_8));
    }
}
