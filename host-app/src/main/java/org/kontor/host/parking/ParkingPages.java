package org.kontor.host.parking;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.kontor.api.portfolio.PortfolioDomain;
import org.kontor.api.web.Access;
import org.kontor.api.web.Caller;
import org.kontor.host.domains.management.DomainManagementException;
import org.kontor.host.i18n.LocaleResolver;
import org.kontor.host.web.ProblemException;

/**
 * A domain's parking in the customer center (TEC-4): {@code /account/domains/{name}/parking} shows whether the domain
 * is parked, its nameservers, and the running parking providers to choose from; {@code POST …/parking} parks it with
 * the chosen provider, {@code POST …/parking/leave} ends the parking. Done, each redirects back with
 * {@code ?done=parked|pending|left} (post/redirect/get); a refusal shows the page again with the reason in the
 * customer's language. Another customer's domain is 404. Template {@code account/parking.ftlh}.
 */
public final class ParkingPages {

    static final String PATH = "/account/domains/{name}/parking";
    private static final Access[] OWNERS = {Access.CUSTOMER, Access.RESELLER};
    private static final Set<String> DONE = Set.of("parked", "pending", "left");

    private final DomainParking parking;
    private final LocaleResolver locales;

    public ParkingPages(DomainParking parking, LocaleResolver locales) {
        this.parking = parking;
        this.locales = locales;
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, ctx -> render(ctx, null, HttpStatus.OK), OWNERS);
        routes.post(PATH, ctx -> act(ctx, () -> parking.park(customer(ctx), name(ctx), ctx.formParam("provider"))
                .state() == ParkingState.PENDING ? "pending" : "parked"), OWNERS);
        routes.post(PATH + "/leave", ctx -> act(ctx, () -> {
            parking.leave(customer(ctx), name(ctx));
            return "left";
        }), OWNERS);
    }

    private interface Action {
        String run();
    }

    private void act(Context ctx, Action action) {
        String done;
        try {
            done = action.run();
        } catch (DomainManagementException e) {
            if (e.reason() == DomainManagementException.Reason.NOT_FOUND) {
                throw ProblemException.notFound(e.getMessage());
            }
            render(ctx, Map.of("key", "domains.error." + e.reason().code(), "arg", e.argument()),
                    HttpStatus.forStatus(e.reason().status()));
            return;
        } catch (ParkingException e) {
            render(ctx, Map.of("key", "parking.error." + e.reason().code(), "arg", e.argument()),
                    HttpStatus.forStatus(e.reason().status()));
            return;
        }
        String name = parking.status(customer(ctx), name(ctx)).domain().record().name().ascii();
        ctx.redirect("/account/domains/" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "/parking?done=" + done,
                HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, Map<String, String> error, HttpStatus status) {
        ParkingStatus status0;
        try {
            status0 = parking.status(customer(ctx), name(ctx));
        } catch (DomainManagementException e) {
            throw ProblemException.notFound(e.getMessage());
        }
        Locale locale = Locale.forLanguageTag(locales.language(ctx).code());
        Map<String, Object> page = new LinkedHashMap<>();
        var record = status0.domain().record();
        page.put("name", record.name().ascii());
        page.put("unicodeName", record.name().unicode());
        page.put("active", record.state() == PortfolioDomain.State.ACTIVE);
        page.put("live", status0.domain().live() != null);
        page.put("registryProblem", status0.domain().registryProblem() == null ? ""
                : status0.domain().registryProblem().reason().code());
        page.put("nameservers", status0.domain().live() == null ? java.util.List.of() : status0.domain().live()
                .nameservers().stream().map(ns -> ns.host().unicode()).toList());
        page.put("parked", status0.parked());
        page.put("state", status0.parking().map(p -> p.state().name()).orElse(""));
        page.put("provider", status0.parking().map(Parking::providerId).orElse(""));
        page.put("providerName", status0.providerName());
        page.put("parkedAt", status0.parking().map(Parking::parkedAt).map(at -> DateTimeFormatter
                .ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).withZone(ZoneOffset.UTC).format(at))
                .orElse(""));
        page.put("providers", status0.providers().stream().map(choice -> Map.of("id", choice.id(), "name",
                choice.name(), "nameservers", String.join(", ", choice.nameservers()))).toList());
        String done = ctx.queryParam("done");
        page.put("done", done != null && DONE.contains(done) && error == null ? done : "");
        page.put("error", error == null ? Map.of() : error);
        ctx.status(status);
        ctx.render("account/parking.ftlh", page);
    }

    private static String customer(Context ctx) {
        return Caller.require(ctx).subject();
    }

    private static String name(Context ctx) {
        return ctx.pathParam("name");
    }
}
