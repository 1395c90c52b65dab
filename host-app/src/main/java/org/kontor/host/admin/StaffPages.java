package org.kontor.host.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.kontor.api.mail.MailMessage;
import org.kontor.api.mail.Mailer;
import org.kontor.api.web.Access;
import org.kontor.api.web.Caller;
import org.kontor.host.customers.Customer;
import org.kontor.host.customers.Customers;
import org.kontor.host.customers.EmailAddresses;
import org.kontor.host.customers.InvalidInputException;
import org.kontor.host.customers.PasswordResets;
import org.kontor.host.customers.SignUp;
import org.kontor.host.i18n.Language;
import org.kontor.host.i18n.Messages;
import org.kontor.host.i18n.SupportedLanguages;
import org.kontor.host.payments.RequestOrigin;
import org.kontor.host.security.totp.StaffTotp;
import org.kontor.host.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's staff in the admin: who they are, their role and whether they use a second factor; an ADMIN adds a
 * staff member (ADMIN or SUPPORT) by e-mail address — a new account gets no password that anyone knows, only a mail
 * with a link to choose one ({@link PasswordResets}) — and resets another staff member's second factor when they lost
 * it. Nobody resets their own here: that takes a code from the app on the security page.
 */
public final class StaffPages {

    private static final Logger LOG = LoggerFactory.getLogger(StaffPages.class);

    private final StaffMembers staff;
    private final Customers customers;
    private final StaffTotp totp;
    private final PasswordResets resets;
    private final Mailer mailer;
    private final Supplier<Messages> messages;
    private final Supplier<Optional<String>> publicUrl;
    private final SupportedLanguages languages;
    private final String currency;
    private final SecureRandom random;
    private final AdminView view;

    public StaffPages(StaffMembers staff, Customers customers, StaffTotp totp, PasswordResets resets, Mailer mailer,
                      Supplier<Messages> messages, Supplier<Optional<String>> publicUrl, SupportedLanguages languages,
                      String currency, SecureRandom random, AdminView view) {
        this.staff = staff;
        this.customers = customers;
        this.totp = totp;
        this.resets = resets;
        this.mailer = mailer;
        this.messages = messages;
        this.publicUrl = publicUrl;
        this.languages = languages;
        this.currency = currency;
        this.random = random;
        this.view = view;
    }

    public void register(RoutesConfig routes) {
        routes.get("/admin/staff", this::list, Access.ADMIN);
        routes.post("/admin/staff", this::add, Access.ADMIN);
        routes.post("/admin/staff/{id}/second-factor/reset", this::resetSecondFactor, Access.ADMIN);
    }

    private void list(Context ctx) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("email", "");
        form.put("name", "");
        form.put("country", "DK");
        form.put("language", languages.defaultLanguage().code());
        form.put("role", Access.SUPPORT.name());
        show(ctx, form, Map.of());
    }

    private void show(Context ctx, Map<String, Object> form, Map<String, Map<String, String>> errors) {
        String me = Caller.require(ctx).subject();
        List<Map<String, Object>> rows = staff.list().stream().map(member -> {
            Optional<Customer> account = customers.find(member.customerId());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", member.customerId());
            row.put("email", account.map(Customer::email).orElse(""));
            row.put("name", account.map(Customer::name).orElse(""));
            row.put("role", member.role().name());
            row.put("since", member.since().toString().substring(0, 10));
            row.put("secondFactor", totp.confirmed(member.customerId()));
            row.put("self", member.customerId().equals(me));
            return row;
        }).toList();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("staff", rows);
        page.put("form", form);
        page.put("errors", errors);
        page.put("roles", StaffMembers.ROLES.stream().map(Access::name).toList());
        page.put("languages", languages.languages().stream().map(Language::code).toList());
        page.put("done", param(ctx, "done"));
        page.put("error", param(ctx, "error"));
        page.put("who", param(ctx, "who"));
        view.render(ctx, "staff.ftlh", page);
    }

    private void add(Context ctx) {
        Map<String, Object> form = new LinkedHashMap<>();
        for (String field : List.of("email", "name", "country", "language", "role")) {
            form.put(field, field(ctx, field));
        }
        Map<String, Map<String, String>> errors = new LinkedHashMap<>();
        Access role = null;
        try {
            role = Access.valueOf(field(ctx, "role"));
        } catch (IllegalArgumentException e) {
            // refused below
        }
        if (role == null || !StaffMembers.ROLES.contains(role)) {
            errors.put("role", Map.of("code", "choice-invalid", "arg", ""));
        }
        String email = field(ctx, "email");
        if (email.isEmpty()) {
            errors.put("email", Map.of("code", "required", "arg", ""));
        } else if (email.length() > EmailAddresses.MAX_LENGTH || !EmailAddresses.isValid(email)) {
            errors.put("email", Map.of("code", "email-invalid", "arg", ""));
        }
        if (!errors.isEmpty()) {
            refuse(ctx, form, errors);
            return;
        }
        Optional<Customer> existing = customers.findByEmail(email);
        Customer account;
        if (existing.isPresent()) {
            account = existing.get();
        } else {
            try {
                account = customers.signUp(new SignUp(email, unguessablePassword(), field(ctx, "name"), null,
                        field(ctx, "country"), field(ctx, "language"), currency));
            } catch (InvalidInputException e) {
                e.errors().forEach((name, error) -> errors.put(name.equals("password") ? "email" : name,
                        Map.of("code", error.code(), "arg", error.arg() == null ? "" : error.arg())));
                refuse(ctx, form, errors);
                return;
            }
            invite(ctx, account);
        }
        staff.grant(account.id(), role);
        ctx.redirect("/admin/staff?done=" + (existing.isPresent() ? "granted" : "invited") + "&who="
                + URLEncoder.encode(account.email(), StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
    }

    private void refuse(Context ctx, Map<String, Object> form, Map<String, Map<String, String>> errors) {
        ctx.status(422);
        show(ctx, form, errors);
    }

    /** The mail that lets a new staff member choose their password: a password reset link with its own words. */
    private void invite(Context ctx, Customer account) {
        Optional<PasswordResets.Requested> requested = resets.request(account.email());
        if (requested.isEmpty()) {
            LOG.warn("No password link could be made for the new staff member {}", account.id());
            return;
        }
        String base = publicUrl.get().filter(url -> !url.isBlank()).map(url -> url.replaceAll("/+$", ""))
                .orElseGet(() -> Optional.ofNullable(RequestOrigin.of(ctx)).orElse(""));
        String link = base + "/account/password/reset?token="
                + URLEncoder.encode(requested.get().token(), StandardCharsets.UTF_8);
        Messages texts = messages.get();
        try {
            mailer.send(MailMessage.text(account.email(), texts.get(account.language(), "mail.staff-invite.subject"),
                    texts.get(account.language(), "mail.staff-invite.body", account.name(), link,
                            PasswordResets.VALIDITY.toMinutes())));
        } catch (RuntimeException e) {
            LOG.warn("Could not queue the invitation mail for staff member {}", account.id(), e);
        }
    }

    private void resetSecondFactor(Context ctx) {
        String id = ctx.pathParam("id");
        if (!staff.isStaff(id)) {
            throw ProblemException.notFound("There is no staff member '" + id + "'.");
        }
        String who = customers.find(id).map(Customer::email).orElse(id);
        String back = "/admin/staff?who=" + URLEncoder.encode(who, StandardCharsets.UTF_8) + "&";
        if (id.equals(Caller.require(ctx).subject())) {
            ctx.redirect(back + "error=own-second-factor", HttpStatus.SEE_OTHER);
            return;
        }
        boolean had = totp.reset(id);
        ctx.redirect(back + (had ? "done=second-factor-reset" : "error=no-second-factor"), HttpStatus.SEE_OTHER);
    }

    private String unguessablePassword() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.strip();
    }

    private static String param(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null ? "" : value.length() > 320 ? value.substring(0, 320) : value;
    }
}
