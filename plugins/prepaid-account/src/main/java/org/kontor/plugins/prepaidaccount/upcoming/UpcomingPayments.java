package org.kontor.plugins.prepaidaccount.upcoming;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.domain.DomainName;
import org.kontor.api.funding.InsufficientFundsException;
import org.kontor.api.mail.MailMessage;
import org.kontor.api.mail.Mailer;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.portfolio.DomainPortfolio;
import org.kontor.api.portfolio.PortfolioDomain;
import org.kontor.api.portfolio.RenewalRequest;
import org.kontor.api.portfolio.RenewalResult;
import org.kontor.api.portfolio.RestorableDomain;
import org.kontor.api.portfolio.RestoreRequest;
import org.kontor.api.portfolio.RestoreResult;
import org.kontor.api.portfolio.UnknownDomainException;
import org.kontor.plugins.prepaidaccount.i18n.MoneyFormat;
import org.kontor.plugins.prepaidaccount.i18n.PluginMessages;
import org.kontor.plugins.prepaidaccount.ledger.Account;
import org.kontor.plugins.prepaidaccount.ledger.AccountState;
import org.kontor.plugins.prepaidaccount.ledger.Ledger;
import org.kontor.plugins.prepaidaccount.ledger.LedgerException;
import org.slf4j.Logger;

/**
 * Upcoming payments (PA-11): the reseller's domains 30 days or fewer before expiry, with the price renewing them
 * draws from the account (the host's renewal price, which is what the host's domain operation holds and
 * captures). A domain is issued as an upcoming payment the first time it is listed or noticed, and is due
 * {@code dueAfter} later. Renewing and terminating go through the host's {@link DomainPortfolio}, scoped to the
 * account's owner, so a reseller can act on their own domains only.
 *
 * <p>Restores (PA-6): the reseller's domains in redemption, with the host's restore price, restored from the
 * account; like a create, a restore needs the available balance (never the credit line).
 */
public final class UpcomingPayments {

    /** How long before expiry a domain is an upcoming payment. */
    public static final Duration WINDOW = Duration.ofDays(30);
    /** The funding source the renewals are paid from: this plugin's prepaid account. */
    public static final String FUNDING_SOURCE = "prepaid-account";

    private final Jdbi jdbi;
    private final Clock clock;
    private final Optional<DomainPortfolio> portfolio;
    private final Ledger ledger;
    private final Duration dueAfter;
    private final Mailer mailer;
    private final PluginMessages messages;
    private final Logger log;

    public UpcomingPayments(Jdbi jdbi, Clock clock, Optional<DomainPortfolio> portfolio, Ledger ledger, Duration dueAfter,
                            Mailer mailer, PluginMessages messages, Logger log) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.portfolio = portfolio;
        this.ledger = ledger;
        this.dueAfter = dueAfter;
        this.mailer = mailer;
        this.messages = messages;
        this.log = log;
    }

    /** Whether the host offers domains at all (API 1.1 hosts do). */
    public boolean available() {
        return portfolio.isPresent();
    }

    private DomainPortfolio portfolio() {
        return portfolio.orElseThrow(() -> new IllegalStateException("this host keeps no domains (plugin API 1.1 needed)"));
    }

    /** The account's upcoming payments, soonest expiry first; terminated domains are not due. */
    public List<Upcoming> of(Account account) {
        if (portfolio.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<Upcoming> upcoming = new ArrayList<>();
        for (PortfolioDomain domain : portfolio().expiringBetween(account.ownerId(), now, now.plus(WINDOW))) {
            if (!domain.renewable()) {
                continue;
            }
            Instant issued = issue(account, domain);
            upcoming.add(new Upcoming(domain.name(), domain.expiresAt(),
                    portfolio().renewalPrice(domain.name(), account.currency()).orElse(null), issued, issued.plus(dueAfter),
                    account.autoRenew() && domain.autoRenew()));
        }
        return upcoming;
    }

    /** Records the upcoming payment on first sight and returns when it was issued. */
    private Instant issue(Account account, PortfolioDomain domain) {
        long now = clock.millis();
        return jdbi.inTransaction(h -> {
            h.createUpdate("INSERT INTO prepaid_account_upcoming (account_id, domain, expires_at, issued_at, due_at) "
                            + "VALUES (:account, :domain, :expires, :now, :due) ON CONFLICT (domain, expires_at) DO NOTHING")
                    .bind("account", account.id()).bind("domain", domain.name().ascii())
                    .bind("expires", domain.expiresAt().toEpochMilli()).bind("now", now)
                    .bind("due", now + dueAfter.toMillis()).execute();
            return Instant.ofEpochMilli(issuedAt(h, domain));
        });
    }

    private static long issuedAt(Handle h, PortfolioDomain domain) {
        return h.createQuery("SELECT issued_at FROM prepaid_account_upcoming WHERE domain = :domain AND expires_at = :expires")
                .bind("domain", domain.name().ascii()).bind("expires", domain.expiresAt().toEpochMilli())
                .mapTo(Long.class).one();
    }

    /**
     * Renews one of the account's domains now, drawing on the account; irrevocable. The same {@code formKey}
     * again (a double click, a resent form) renews once; {@code expectedExpiry} (the expiry the reseller saw)
     * keeps a second page from renewing a domain that was renewed meanwhile.
     *
     * @throws UnknownDomainException the domain is not the reseller's (or cannot be renewed)
     */
    public RenewalResult renewNow(Account account, DomainName domain, String formKey, Instant expectedExpiry)
            throws InsufficientFundsException {
        requireActive(account);
        IdempotencyKey key = formKey("renew", account, formKey);
        return portfolio().renew(RenewalRequest.oneYear(key, account.ownerId(), domain, FUNDING_SOURCE,
                account.currency(), expectedExpiry));
    }

    /** The account's domains in redemption, by name, priced in the account's currency. */
    public List<RestorableDomain> restorable(Account account) {
        if (portfolio.isEmpty()) {
            return List.of();
        }
        return portfolio().restorable(account.ownerId(), account.currency());
    }

    /**
     * Restores one of the account's domains from redemption now, drawing the host's restore price on the account;
     * irrevocable. The same {@code formKey} again (a double click, a resent form) restores once. A price the
     * available balance does not cover is refused here already, before the host records an operation (the hold
     * checks again under the account's lock).
     *
     * @throws InsufficientFundsException the available balance does not cover the price; nothing was charged
     * @throws UnknownDomainException     the domain is not the reseller's, or not in redemption
     * @throws IllegalStateException      the host cannot restore it now (no price, no registry)
     */
    public RestoreResult restore(Account account, DomainName domain, String formKey) throws InsufficientFundsException {
        requireActive(account);
        IdempotencyKey key = formKey("restore", account, formKey);
        Optional<Money> price = portfolio().restorePrice(domain, account.currency());
        Money available = account.available();
        boolean firstTry = ledger.holdOf(key.value()).isEmpty(); // else a second click: the host answers with the first
        if (firstTry && price.isPresent() && available.isLessThan(price.get())
                && portfolio().find(account.ownerId(), domain).filter(PortfolioDomain::restorable).isPresent()) {
            throw new InsufficientFundsException(price.get().minus(available), available);
        }
        return portfolio().restore(new RestoreRequest(key, account.ownerId(), domain, FUNDING_SOURCE, account.currency()));
    }

    /**
     * Ends one of the account's domains instead of renewing it (see the host's {@code domains.terminate-policy}).
     *
     * @throws UnknownDomainException the domain is not the reseller's
     */
    public PortfolioDomain terminate(Account account, DomainName domain) {
        return portfolio().terminate(account.ownerId(), domain);
    }

    /**
     * Sends the one notice per domain and expiry to every account that wants notices (an e-mail address set and
     * notices not switched off). The notice is claimed in the database before it is queued, so that two runs never
     * send it twice; a notice that cannot be queued is released for the next run.
     *
     * @return how many notices were queued
     */
    public int sendNotices() {
        if (portfolio.isEmpty()) {
            return 0;
        }
        int sent = 0;
        for (Account account : ledger.accounts()) {
            if (account.state() != AccountState.ACTIVE || !account.upcomingNotices() || account.notifyEmail() == null) {
                continue;
            }
            for (Upcoming upcoming : of(account)) {
                if (claimNotice(upcoming) && send(account, upcoming)) {
                    sent++;
                }
            }
        }
        return sent;
    }

    private boolean claimNotice(Upcoming upcoming) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE prepaid_account_upcoming SET notice_sent_at = :now "
                        + "WHERE domain = :domain AND expires_at = :expires AND notice_sent_at IS NULL")
                .bind("now", clock.millis()).bind("domain", upcoming.domain().ascii())
                .bind("expires", upcoming.expiresAt().toEpochMilli()).execute() == 1);
    }

    private boolean send(Account account, Upcoming upcoming) {
        String lang = ledger.noticeLanguage(account.id());
        MoneyFormat f = MoneyFormat.of(lang);
        String price = upcoming.price() == null ? "-" : f.format(upcoming.price());
        String body = messages.format(lang, upcoming.autoRenew() ? "p.prepaid-account.notice.upcoming.bodyAuto"
                        : "p.prepaid-account.notice.upcoming.body", upcoming.domain().unicode(), f.date(upcoming.expiresAt()),
                price, f.date(upcoming.dueAt()));
        try {
            mailer.send(MailMessage.text(account.notifyEmail(), messages.format(lang,
                    "p.prepaid-account.notice.upcoming.subject", upcoming.domain().unicode()), body));
            return true;
        } catch (RuntimeException e) {
            log.error("The upcoming-payment notice for {} could not be queued; trying again on the next run",
                    upcoming.domain(), e);
            jdbi.useHandle(h -> h.createUpdate("UPDATE prepaid_account_upcoming SET notice_sent_at = NULL "
                            + "WHERE domain = :domain AND expires_at = :expires")
                    .bind("domain", upcoming.domain().ascii()).bind("expires", upcoming.expiresAt().toEpochMilli()).execute());
            return false;
        }
    }

    /**
     * Renews, drawing on the account, every domain of the resellers who chose automatic renewal that expires within
     * {@code daysAhead} and is not switched off or terminated. The key is derived from the domain and its expiry, so
     * one expiry is renewed once however often this runs (and on however many hosts).
     *
     * @return the renewals that completed in this run
     */
    public int autoRenew(Duration ahead) {
        if (portfolio.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        int renewed = 0;
        for (Account account : ledger.accounts()) {
            if (account.state() != AccountState.ACTIVE || !account.autoRenew()) {
                continue;
            }
            for (PortfolioDomain domain : portfolio().expiringBetween(account.ownerId(), now, now.plus(ahead))) {
                if (!domain.renewable() || !domain.autoRenew()) {
                    continue;
                }
                IdempotencyKey key = autoRenewKey(domain);
                try {
                    RenewalResult result = portfolio().renew(RenewalRequest.oneYear(key, account.ownerId(), domain.name(),
                            FUNDING_SOURCE, account.currency(), domain.expiresAt()));
                    if (result.status() == RenewalResult.Status.COMPLETED) {
                        renewed++;
                    } else {
                        log.warn("Automatic renewal of {} ({}) is {}: {} {}", domain.name(), key.value(), result.status(),
                                result.code(), result.message());
                    }
                } catch (InsufficientFundsException | RuntimeException e) {
                    log.error("Automatic renewal of {} for account {} failed", domain.name(), account.id(), e);
                }
            }
        }
        return renewed;
    }

    /** One key per domain and expiry. */
    public static IdempotencyKey autoRenewKey(PortfolioDomain domain) {
        return IdempotencyKey.of("auto-renew-" + domain.name().ascii() + "-" + domain.expiresAt().toEpochMilli());
    }

    private static void requireActive(Account account) {
        if (account.state() != AccountState.ACTIVE) {
            throw new LedgerException(LedgerException.Reason.NOT_ACTIVE, "the prepaid account is not active");
        }
    }

    /**
     * The form's key scoped to the account. The page's forms send a UUID, which with the account's id exceeds the 64
     * characters of an idempotency key: such a pair is replaced by its SHA-256 digest.
     */
    private static IdempotencyKey formKey(String action, Account account, String formKey) {
        String plain = action + "-" + account.id() + "-" + formKey;
        if (plain.length() <= 64) {
            return IdempotencyKey.of(plain);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((account.id() + "\n" + formKey).getBytes(StandardCharsets.UTF_8));
            return IdempotencyKey.of(action + "-" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
