package org.kontor.host.domains.management;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.kontor.api.registry.DomainInfo;
import org.kontor.api.registry.RegistryCapability;
import org.kontor.api.web.Access;
import org.kontor.api.web.Caller;
import org.kontor.host.addons.AddonCatalog;
import org.kontor.host.addons.AddonProduct;
import org.kontor.host.customers.Contacts;
import org.kontor.host.domains.DomainRecord;
import org.kontor.host.i18n.LocaleResolver;
import org.kontor.host.web.ProblemException;

/**
 * The customer center's domain pages: {@code /account/domains} (the customer's domains) and
 * {@code /account/domains/{name}} (one domain: nameservers, transfer lock, auth code and transfer release, automatic
 * renewal, cancellation within the notice period, change of holder, the services booked on the domain such as
 * forwarding, and the history of changes). Each form posts to
 * {@code /account/domains/{name}/<action>} and, when done, redirects back with {@code ?done=<action>}
 * (post/redirect/get); a refusal shows the page again with the reason. The auth code is the exception: it is shown in
 * the answer to its POST (never stored, never in a URL) with {@code Cache-Control: no-store}. Another customer's
 * domain is not found (404), like one that does not exist. Template {@code account/domains.ftlh},
 * {@code account/domain.ftlh}.
 */
public final class DomainPages {

    static final String LIST = "/account/domains";
    private static final Access[] OWNERS = {Access.CUSTOMER, Access.RESELLER};
    private static final Set<String> DONE = Set.of("nameservers", "locked", "unlocked", "auto-renew-on",
            "auto-renew-off", "cancelled", "holder", "holder-pending");

    private final DomainManagement management;
    private final Contacts contacts;
    private final AddonCatalog addons;
    private final LocaleResolver locales;

    /** @param addons the services booked on a domain (forwarding, mail), shown on its page */
    public DomainPages(DomainManagement management, Contacts contacts, AddonCatalog addons, LocaleResolver locales) {
        this.management = management;
        this.contacts = contacts;
        this.addons = addons;
        this.locales = locales;
    }

    public void register(RoutesConfig routes) {
        routes.get(LIST, this::list, OWNERS);
        routes.get(LIST + "/{name}", ctx -> domain(ctx, null, null, null, HttpStatus.OK), OWNERS);
        routes.post(LIST + "/{name}/nameservers", this::nameservers, OWNERS);
        routes.post(LIST + "/{name}/auth-code", this::authCode, OWNERS);
        routes.post(LIST + "/{name}/lock", this::lock, OWNERS);
        routes.post(LIST + "/{name}/auto-renew", this::autoRenew, OWNERS);
        routes.post(LIST + "/{name}/cancellation", this::cancel, OWNERS);
        routes.post(LIST + "/{name}/holder", this::holder, OWNERS);
    }

    private void list(Context ctx) {
        Locale locale = locale(ctx);
        List<Map<String, Object>> domains = management.list(customer(ctx)).stream().map(record -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("name", record.name().ascii());
            view.put("unicodeName", record.name().unicode());
            view.put("state", record.state().name());
            view.put("expires", date(record.expiresAt(), locale));
            view.put("autoRenew", record.autoRenew());
            view.put("cancelled", record.terminatedAt() != null);
            return view;
        }).toList();
        ctx.render("account/domains.ftlh", Map.of("domains", domains));
    }

    // ---------------------------------------------------------------- actions

    private void nameservers(Context ctx) {
        String text = ctx.formParam("nameservers") == null ? "" : ctx.formParam("nameservers");
        String glueText = ctx.formParam("glue") == null ? "" : ctx.formParam("glue");
        act(ctx, () -> {
            // glue: a line per host inside the domain, "ns1.example.dk 192.0.2.1 2001:db8::1"
            Map<String, List<String>> glue = new java.util.LinkedHashMap<>();
            for (String line : glueText.split("\\R")) {
                String[] parts = line.strip().split("[\\s,]+");
                if (parts.length > 1) {
                    glue.put(parts[0], Arrays.asList(parts).subList(1, parts.length));
                }
            }
            management.changeNameservers(customer(ctx), name(ctx), Arrays.stream(text.split("[\\s,]+"))
                    .filter(host -> !host.isBlank()).toList(), glue);
            return "nameservers";
        }, text);
    }

    private void authCode(Context ctx) {
        boolean release = "true".equals(ctx.formParam("release"));
        String code;
        try {
            code = release ? management.releaseForTransfer(customer(ctx), name(ctx))
                    : management.authCode(customer(ctx), name(ctx));
        } catch (DomainManagementException e) {
            refused(ctx, e, null);
            return;
        }
        ctx.header("Cache-Control", "no-store");
        domain(ctx, null, code, null, HttpStatus.OK);
    }

    private void lock(Context ctx) {
        boolean locked = "true".equals(ctx.formParam("locked"));
        act(ctx, () -> {
            management.setTransferLock(customer(ctx), name(ctx), locked);
            return locked ? "locked" : "unlocked";
        }, null);
    }

    private void autoRenew(Context ctx) {
        boolean on = "true".equals(ctx.formParam("autoRenew"));
        act(ctx, () -> {
            management.setAutoRenew(customer(ctx), name(ctx), on);
            return on ? "auto-renew-on" : "auto-renew-off";
        }, null);
    }

    private void cancel(Context ctx) {
        act(ctx, () -> {
            management.cancel(customer(ctx), name(ctx));
            return "cancelled";
        }, null);
    }

    private void holder(Context ctx) {
        act(ctx, () -> management.changeHolder(customer(ctx), name(ctx), ctx.formParam("contact"),
                "true".equals(ctx.formParam("acceptTerms"))).pending() ? "holder-pending" : "holder", null);
    }

    private interface Action {
        String run();
    }

    /** Runs the action and redirects to the domain's page saying what was done, or shows the refusal. */
    private void act(Context ctx, Action action, String nameserversEntered) {
        String done;
        try {
            done = action.run();
        } catch (DomainManagementException e) {
            refused(ctx, e, nameserversEntered);
            return;
        }
        ctx.redirect(LIST + "/" + URLEncoder.encode(management.find(customer(ctx), name(ctx)).name().ascii(),
                StandardCharsets.UTF_8) + "?done=" + done, HttpStatus.SEE_OTHER);
    }

    private void refused(Context ctx, DomainManagementException e, String nameserversEntered) {
        if (e.reason() == DomainManagementException.Reason.NOT_FOUND) {
            throw ProblemException.notFound(e.getMessage());
        }
        domain(ctx, Map.of("code", e.reason().code(), "arg", e.argument()), null, nameserversEntered,
                HttpStatus.forStatus(e.reason().status()));
    }

    // ---------------------------------------------------------------- the domain's page

    private void domain(Context ctx, Map<String, String> error, String authCode, String nameserversEntered,
                        HttpStatus status) {
        DomainDetails details;
        try {
            details = management.show(customer(ctx), name(ctx));
        } catch (DomainManagementException e) {
            throw ProblemException.notFound(e.getMessage());
        }
        Locale locale = locale(ctx);
        DomainRecord record = details.record();
        DomainInfo live = details.live();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("name", record.name().ascii());
        page.put("unicodeName", record.name().unicode());
        page.put("state", record.state().name());
        page.put("active", record.state() == org.kontor.api.portfolio.PortfolioDomain.State.ACTIVE);
        page.put("expires", date(record.expiresAt(), locale));
        page.put("autoRenew", record.autoRenew());
        page.put("cancelled", details.cancelled());
        page.put("cancelledAt", date(record.terminatedAt(), locale));
        LocalDate lastDay = management.lastDayToCancel(record);
        page.put("lastDayToCancel", lastDay == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(locale).format(lastDay));
        page.put("noticeDays", Integer.toString(details.noticeDays()));
        page.put("noticeOver", management.noticeOver(record));
        page.put("registryProblem", details.registryProblem() == null ? ""
                : details.registryProblem().reason().code());
        page.put("live", live != null);
        page.put("nameservers", live == null ? List.of() : live.nameservers().stream().map(ns -> ns.host().unicode())
                .toList());
        page.put("nameserversText", nameserversEntered != null ? nameserversEntered : live == null ? ""
                : String.join("\n", live.nameservers().stream().map(ns -> ns.host().unicode()).toList()));
        page.put("locked", details.locked());
        page.put("canUpdate", details.capabilities().contains(RegistryCapability.UPDATE));
        page.put("canChangeHolder", details.capabilities().contains(RegistryCapability.UPDATE)
                && details.capabilities().contains(RegistryCapability.CONTACTS));
        page.put("contacts", contacts.list(customer(ctx)).stream().map(holder -> Map.of("id", holder.id(),
                "name", holder.contact().name() + (holder.contact().organization() == null
                        || holder.contact().organization().isBlank() ? "" : ", " + holder.contact().organization())))
                .toList());
        page.put("services", addons.servicesOf(customer(ctx)).stream()
                .filter(service -> record.name().ascii().equals(service.domain()) && "ACTIVE".equals(service.state()))
                .map(service -> Map.of("name", addons.find(service.productId()).map(AddonProduct::name)
                        .orElse(service.productId()), "renews", date(service.renewsAt(), locale))).toList());
        DateTimeFormatter times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
                .withZone(ZoneOffset.UTC);
        page.put("history", details.history().stream().map(change -> Map.of("kind", change.kind().name(),
                "state", change.state().name(), "detail", change.detail(), "at", times.format(change.at()))).toList());
        String done = ctx.queryParam("done");
        page.put("done", done != null && DONE.contains(done) && error == null && authCode == null ? done : "");
        page.put("error", error == null ? Map.of() : error);
        page.put("authCode", authCode == null ? "" : authCode);
        ctx.status(status);
        ctx.render("account/domain.ftlh", page);
    }

    private static String customer(Context ctx) {
        return Caller.require(ctx).subject();
    }

    private static String name(Context ctx) {
        return ctx.pathParam("name");
    }

    private Locale locale(Context ctx) {
        return Locale.forLanguageTag(locales.language(ctx).code());
    }

    private static String date(Instant instant, Locale locale) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                .format(LocalDate.ofInstant(instant, ZoneOffset.UTC));
    }
}
