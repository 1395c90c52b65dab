package org.kontor.host.customers;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.kontor.api.mail.MailMessage;
import org.kontor.api.mail.Mailer;
import org.kontor.api.web.Access;
import org.kontor.host.i18n.Messages;
import org.kontor.host.payments.RequestOrigin;
import org.kontor.host.security.SecondFactorGate;
import org.kontor.host.security.WebSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The forgotten-password pages (CC-1). {@code /account/password/forgot} asks for the address and always gives the
 * same answer, whether an account has it or not; the account's owner gets a link to
 * {@code /account/password/reset?token=…}, which asks for the new password twice. A successful reset ends every
 * session of the account and signs this browser in. Templates: {@code account/password-forgot.ftlh},
 * {@code account/password-reset.ftlh}; the mail's texts are the theme's {@code mail.password-reset.*} messages in the
 * account's language.
 */
public final class PasswordResetPages {

    private static final Logger log = LoggerFactory.getLogger(PasswordResetPages.class);

    private final PasswordResets resets;
    private final WebSessions sessions;
    private final Mailer mailer;
    private final Supplier<Messages> messages;
    private final Supplier<Optional<String>> publicUrl;
    private final SecondFactorGate secondFactor;

    /**
     * @param publicUrl the address customers use ({@code http.public-url}) for the link; empty: the request's origin
     */
    public PasswordResetPages(PasswordResets resets, WebSessions sessions, Mailer mailer, Supplier<Messages> messages,
                              Supplier<Optional<String>> publicUrl) {
        this(resets, sessions, mailer, messages, publicUrl, SecondFactorGate.NONE);
    }

    /** @param secondFactor asked before the session is signed in after a reset: a new password is only one factor */
    public PasswordResetPages(PasswordResets resets, WebSessions sessions, Mailer mailer, Supplier<Messages> messages,
                              Supplier<Optional<String>> publicUrl, SecondFactorGate secondFactor) {
        this.secondFactor = secondFactor;
        this.resets = resets;
        this.sessions = sessions;
        this.mailer = mailer;
        this.messages = messages;
        this.publicUrl = publicUrl;
    }

    public void register(RoutesConfig routes) {
        routes.get("/account/password/forgot", ctx -> renderForgot(ctx, "", Map.of(), false), Access.PUBLIC);
        routes.post("/account/password/forgot", this::forgot, Access.PUBLIC);
        routes.get("/account/password/reset", this::resetPage, Access.PUBLIC);
        routes.post("/account/password/reset", this::reset, Access.PUBLIC);
    }

    private void forgot(Context ctx) {
        String email = Optional.ofNullable(ctx.formParam("email")).map(String::strip).orElse("");
        if (email.isEmpty()) {
            ctx.status(422);
            renderForgot(ctx, email, Map.of("email", FieldError.required()), false);
            return;
        }
        if (email.length() > EmailAddresses.MAX_LENGTH || !EmailAddresses.isValid(email)) {
            ctx.status(422);
            renderForgot(ctx, email, Map.of("email", FieldError.of("email-invalid", "is not an e-mail address")), false);
            return;
        }
        resets.request(email).ifPresent(requested -> send(ctx, requested));
        renderForgot(ctx, "", Map.of(), true);
    }

    private void send(Context ctx, PasswordResets.Requested requested) {
        String base = publicUrl.get().filter(url -> !url.isBlank()).map(url -> url.replaceAll("/+$", ""))
                .orElseGet(() -> Optional.ofNullable(RequestOrigin.of(ctx)).orElse(""));
        String link = base + "/account/password/reset?token=" + URLEncoder.encode(requested.token(), StandardCharsets.UTF_8);
        Customer customer = requested.customer();
        Messages texts = messages.get();
        String language = customer.language();
        long minutes = PasswordResets.VALIDITY.toMinutes();
        try {
            mailer.send(MailMessage.text(customer.email(), texts.get(language, "mail.password-reset.subject"),
                    texts.get(language, "mail.password-reset.body", customer.name(), link, minutes)));
        } catch (RuntimeException e) {
            log.warn("Could not queue the password reset mail for customer {}", customer.id(), e);
        }
    }

    private void resetPage(Context ctx) {
        String token = ctx.queryParam("token");
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
        if (resets.holder(token).isEmpty()) {
            ctx.status(HttpStatus.GONE);
            renderReset(ctx, "", Map.of(), true);
            return;
        }
        renderReset(ctx, token, Map.of(), false);
    }

    private void reset(Context ctx) {
        String token = Optional.ofNullable(ctx.formParam("token")).orElse("");
        ctx.header("Cache-Control", "no-store");
        PasswordResets.Outcome outcome = resets.reset(token, ctx.formParam("password"), ctx.formParam("password2"));
        if (outcome instanceof PasswordResets.Outcome.Done done) {
            sessions.endAllOf(done.customer().id());
            Optional<String> secondStep = secondFactor.challenge(ctx, done.customer().id(), CustomerPages.HOME);
            if (secondStep.isPresent()) {
                ctx.redirect(secondStep.get(), HttpStatus.SEE_OTHER);
                return;
            }
            sessions.signIn(ctx, done.customer().id());
            ctx.redirect(CustomerPages.HOME, HttpStatus.SEE_OTHER);
        } else if (outcome instanceof PasswordResets.Outcome.Refused refused) {
            ctx.status(422);
            renderReset(ctx, token, refused.errors(), false);
        } else {
            ctx.status(HttpStatus.GONE);
            renderReset(ctx, "", Map.of(), true);
        }
    }

    private static void renderForgot(Context ctx, String email, Map<String, FieldError> errors, boolean sent) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("form", Map.of("email", email));
        page.put("errors", views(errors));
        page.put("sent", sent);
        page.put("validMinutes", PasswordResets.VALIDITY.toMinutes());
        ctx.render("account/password-forgot.ftlh", page);
    }

    private static void renderReset(Context ctx, String token, Map<String, FieldError> errors, boolean invalid) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("token", token);
        page.put("errors", views(errors));
        page.put("invalid", invalid);
        page.put("minLength", Customers.MIN_PASSWORD_LENGTH);
        ctx.render("account/password-reset.ftlh", page);
    }

    private static Map<String, Map<String, String>> views(Map<String, FieldError> errors) {
        Map<String, Map<String, String>> views = new LinkedHashMap<>();
        errors.forEach((field, error) -> views.put(field,
                Map.of("code", error.code(), "arg", error.arg() == null ? "" : error.arg())));
        return views;
    }
}
