package org.kontor.plugins.prepaidaccount.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kontor.api.money.Money;
import org.kontor.plugins.prepaidaccount.i18n.MoneyFormat;
import org.kontor.plugins.prepaidaccount.ledger.Account;
import org.kontor.plugins.prepaidaccount.ledger.Entry;
import org.kontor.plugins.prepaidaccount.ledger.Scheme;
import org.kontor.plugins.prepaidaccount.topup.TopUp;

/**
 * What the JSON API answers (records, money as {@code {"amount","currency"}}) and what pages get (maps of strings
 * already formatted for the page's language).
 */
final class Views {

    private Views() {
    }

    record AccountView(String id, String ownerId, String schemeId, String state, String currency, Money balance,
                       Money available, Money creditLine, boolean beyondCreditLine, Money held, String paymentReference,
                       Instant appliedAt, Instant activatedAt) {

        static AccountView of(Account a) {
            return new AccountView(a.id(), a.ownerId(), a.schemeId(), a.state().name(), a.currency().getCurrencyCode(),
                    a.balance(), a.available(), a.creditLine(), a.beyondCreditLine(), a.held(), a.paymentReference(),
                    a.appliedAt(), a.activatedAt());
        }
    }

    record MovementView(String id, long sequence, String kind, Money amount, Money balanceAfter, String description,
                        String reason, String reversesEntryId, Instant createdAt) {

        static MovementView of(Entry e) {
            return new MovementView(e.id(), e.sequence(), e.kind().name(), e.amount(), e.balanceAfter(), e.description(),
                    e.reason(), e.reversesEntryId(), e.createdAt());
        }
    }

    record PaymentView(String entryId, String domain, String operation, String period, Money price, Money net, Money tax,
                       Instant chargedAt) {

        static PaymentView of(Entry e) {
            return new PaymentView(e.id(), e.domain(), e.chargeKind() == null ? null : e.chargeKind().name(), e.period(),
                    e.amount().negate(), e.net(), e.tax(), e.createdAt());
        }
    }

    record TopUpView(String id, String accountId, long sequence, Money net, String state, String paymentReference,
                     Instant createdAt, Instant dueAt, Instant paidAt, String paidBy, String externalReference) {

        static TopUpView of(TopUp t) {
            return new TopUpView(t.id(), t.accountId(), t.sequence(), t.net(), t.state().name(), t.paymentReference(),
                    t.createdAt(), t.dueAt(), t.paidAt(), t.paidBy(), t.externalReference());
        }
    }

    record SchemeView(String id, String name, String currency, Money minimumTopUp, boolean domainsOnly,
                      Money defaultCreditLine) {

        static SchemeView of(Scheme s) {
            return new SchemeView(s.id(), s.name(), s.currency().getCurrencyCode(), s.minimumTopUp(), s.domainsOnly(),
                    s.defaultCreditLine());
        }
    }

    static Map<String, Object> account(Account a, MoneyFormat f) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", a.id());
        view.put("owner", a.ownerId());
        view.put("scheme", a.schemeId());
        view.put("state", a.state().name());
        view.put("active", a.state() == org.kontor.plugins.prepaidaccount.ledger.AccountState.ACTIVE);
        view.put("currency", a.currency().getCurrencyCode());
        view.put("balance", f.format(a.balance()));
        view.put("available", f.format(a.available()));
        view.put("creditLine", f.format(a.creditLine()));
        view.put("creditLinePlain", a.creditLine().amount().toPlainString());
        view.put("beyondCreditLine", a.beyondCreditLine());
        view.put("held", f.format(a.held()));
        view.put("reference", a.paymentReference());
        view.put("applied", f.dateTime(a.appliedAt()));
        return view;
    }

    static Map<String, Object> movement(Entry e, MoneyFormat f) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", e.id());
        view.put("date", f.dateTime(e.createdAt()));
        view.put("kind", e.kind().name());
        view.put("amount", f.format(e.amount()));
        view.put("negative", e.amount().isNegative());
        view.put("balanceAfter", f.format(e.balanceAfter()));
        view.put("description", describe(e));
        return view;
    }

    static String describe(Entry e) {
        String text = e.description() != null ? e.description() : e.reason();
        if (e.domain() != null) {
            text = text == null ? e.domain() : e.domain() + " – " + text;
        }
        return text == null ? "" : text;
    }

    static Map<String, Object> payment(Entry e, MoneyFormat f) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("date", f.dateTime(e.createdAt()));
        view.put("domain", e.domain() == null ? "" : e.domain());
        view.put("operation", e.chargeKind() == null ? "OTHER" : e.chargeKind().name());
        view.put("period", e.period() == null ? "" : e.period());
        view.put("price", f.format(e.amount().negate()));
        view.put("net", f.format(e.net()));
        view.put("tax", f.format(e.tax()));
        return view;
    }

    static Map<String, Object> topUp(TopUp t, MoneyFormat f) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", t.id());
        view.put("account", t.accountId());
        view.put("net", f.format(t.net()));
        view.put("state", t.state().name());
        view.put("reference", t.paymentReference());
        view.put("created", f.date(t.createdAt()));
        view.put("due", f.date(t.dueAt()));
        view.put("requested", t.state() == org.kontor.plugins.prepaidaccount.topup.TopUpState.REQUESTED);
        return view;
    }

    static Map<String, Object> scheme(Scheme s, MoneyFormat f) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", s.id());
        view.put("name", s.name());
        view.put("currency", s.currency().getCurrencyCode());
        view.put("minimum", f.format(s.minimumTopUp()));
        view.put("domainsOnly", s.domainsOnly());
        view.put("creditLine", f.format(s.defaultCreditLine()));
        return view;
    }
}
