package org.kontor.plugins.sandbox.settings;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The registry's object rules beyond the session rules.
 *
 * @param dkTlds TLDs served with the .dk profile: contact ids chosen by the server, create answered 1001 and
 *     decided later through the poll queue, the dkhm extensions, auth ids set by keyword
 * @param strictReferences whether the contacts and name servers a domain names must exist (2303); off keeps
 *     the 1.0 behaviour of accepting any handle
 * @param transferAutoApprove how long a pending transfer waits for the losing registrar before the registry
 *     approves it
 * @param dkDecisionDelay how long a .dk create stays pending before the registry decides it
 * @param creditLimit what a registrar may spend beyond its balance
 * @param creditThreshold the low-balance threshold the balance command reports
 */
public record RegistryRules(Set<String> dkTlds, boolean strictReferences, Duration transferAutoApprove,
        Duration dkDecisionDelay, BigDecimal creditLimit, BigDecimal creditThreshold) {

    public static final Duration DEFAULT_TRANSFER_AUTO_APPROVE = Duration.ofDays(5);
    public static final Duration DEFAULT_DK_DECISION_DELAY = Duration.ofMinutes(1);

    /** The 1.0 behaviour, for settings built in code without rules: no .dk profile, any handle accepted. */
    public static final RegistryRules LENIENT = new RegistryRules(Set.of(), false, DEFAULT_TRANSFER_AUTO_APPROVE,
            DEFAULT_DK_DECISION_DELAY, BigDecimal.ZERO, BigDecimal.ZERO);

    /** The full registry: .dk profile for {@code dk}, references checked, no credit. */
    public static final RegistryRules DEFAULT = new RegistryRules(Set.of("dk"), true, DEFAULT_TRANSFER_AUTO_APPROVE,
            DEFAULT_DK_DECISION_DELAY, BigDecimal.ZERO, BigDecimal.ZERO);

    public RegistryRules {
        dkTlds = dkTlds.stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        Objects.requireNonNull(transferAutoApprove, "transferAutoApprove");
        Objects.requireNonNull(dkDecisionDelay, "dkDecisionDelay");
        Objects.requireNonNull(creditLimit, "creditLimit");
        Objects.requireNonNull(creditThreshold, "creditThreshold");
        if (transferAutoApprove.isNegative() || dkDecisionDelay.isNegative()) {
            throw new IllegalArgumentException("periods are not negative");
        }
        if (creditLimit.signum() < 0 || creditThreshold.signum() < 0) {
            throw new IllegalArgumentException("the credit limit and threshold are not negative");
        }
    }

    public RegistryRules withDkTlds(Set<String> tlds) {
        return new RegistryRules(tlds, strictReferences, transferAutoApprove, dkDecisionDelay, creditLimit,
                creditThreshold);
    }

    public RegistryRules withTransferAutoApprove(Duration period) {
        return new RegistryRules(dkTlds, strictReferences, period, dkDecisionDelay, creditLimit, creditThreshold);
    }

    public RegistryRules withDkDecisionDelay(Duration delay) {
        return new RegistryRules(dkTlds, strictReferences, transferAutoApprove, delay, creditLimit, creditThreshold);
    }

    public RegistryRules withCredit(BigDecimal limit, BigDecimal threshold) {
        return new RegistryRules(dkTlds, strictReferences, transferAutoApprove, dkDecisionDelay, limit, threshold);
    }

    public RegistryRules withStrictReferences(boolean strict) {
        return new RegistryRules(dkTlds, strict, transferAutoApprove, dkDecisionDelay, creditLimit, creditThreshold);
    }
}
