package org.kontor.host.customers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;
import org.kontor.api.contact.Contact;
import org.kontor.api.web.Access;
import org.kontor.api.web.Caller;
import org.kontor.host.security.SecondFactorGate;
import org.kontor.host.security.WebSession;
import org.kontor.host.security.WebSessions;
import org.kontor.host.web.Problem;
import org.kontor.host.web.ProblemException;
import org.kontor.host.web.RequestBodies;

/**
 * The JSON API of customer accounts (CC-1, ORD-9, PLT-5).
 *
 * <p>Public: {@code POST /api/v1/customers} (sign-up), {@code GET|POST|DELETE /api/v1/session} (the browser session:
 * its CSRF token, sign-in setting the session cookie, sign-out). For the signed-in customer or reseller (session
 * cookie or Bearer token): {@code GET /api/v1/customers/me}, {@code GET|POST /api/v1/customers/me/contacts},
 * {@code GET /api/v1/customers/me/contacts/{id}}. A browser client that uses the session cookie sends the session's
 * CSRF token as {@code X-CSRF-Token} with every POST and DELETE.
 */
public final class CustomersApi {

    private final Customers customers;
    private final Contacts contacts;
    private final WebSessions sessions;
    private final ObjectMapper json;
    private final ToIntFunction<WebSession> cartItems;
    private final SecondFactorGate secondFactor;

    /** @param cartItems how many items the session's cart holds (the visitor's, or the signed-in customer's) */
    public CustomersApi(Customers customers, Contacts contacts, WebSessions sessions, ObjectMapper json,
                        ToIntFunction<WebSession> cartItems) {
        this(customers, contacts, sessions, json, cartItems, SecondFactorGate.NONE);
    }

    /** @param secondFactor for accounts with a second factor, which only the sign-in page can take */
    public CustomersApi(Customers customers, Contacts contacts, WebSessions sessions, ObjectMapper json,
                        ToIntFunction<WebSession> cartItems, SecondFactorGate secondFactor) {
        this.secondFactor = secondFactor;
        this.customers = customers;
        this.contacts = contacts;
        this.sessions = sessions;
        this.json = json;
        this.cartItems = cartItems;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/v1/customers", this::signUp, Access.PUBLIC);
        routes.get("/api/v1/session", this::session, Access.PUBLIC);
        routes.post("/api/v1/session", this::signIn, Access.PUBLIC);
        routes.delete("/api/v1/session", this::signOut, Access.PUBLIC);
        routes.get("/api/v1/customers/me", ctx -> ctx.json(view(me(ctx))), Access.CUSTOMER, Access.RESELLER);
        routes.get("/api/v1/customers/me/contacts", ctx -> ctx.json(contacts.list(me(ctx).id()).stream()
                .map(CustomersApi::view).toList()), Access.CUSTOMER, Access.RESELLER);
        routes.post("/api/v1/customers/me/contacts", this::createContact, Access.CUSTOMER, Access.RESELLER);
        routes.get("/api/v1/customers/me/contacts/{id}", ctx -> ctx.json(view(contacts.find(me(ctx).id(), ctx.pathParam("id"))
                        .orElseThrow(() -> ProblemException.notFound("You have no contact " + ctx.pathParam("id") + ".")))),
                Access.CUSTOMER, Access.RESELLER);
    }

    private void signUp(Context ctx) {
        JsonNode body = body(ctx);
        try {
            Customer customer = customers.signUp(new SignUp(text(body, "email"), text(body, "password"), text(body, "name"),
                    text(body, "company"), text(body, "country"), text(body, "language"), text(body, "currency")));
            ctx.status(201).header("Location", "/api/v1/customers/me").json(view(customer));
        } catch (InvalidInputException e) {
            throw refused("The account was not opened.", e);
        }
    }

    private void session(Context ctx) {
        WebSession session = sessions.start(ctx);
        ctx.json(sessionView(ctx, session, session.customer().flatMap(customers::find)));
    }

    private void signIn(Context ctx) {
        JsonNode body = body(ctx);
        SignInResult result = customers.authenticate(text(body, "email"), text(body, "password"));
        if (result instanceof SignInResult.Throttled throttled) {
            long seconds = Math.max(1, throttled.retryAfter().toSeconds());
            ctx.header("Retry-After", Long.toString(seconds));
            throw new ProblemException(Problem.of(429, "sign-in-throttled", "Too many requests",
                    "Too many failed sign-ins for this address. Try again in " + minutes(seconds) + "."));
        }
        if (result instanceof SignInResult.SignedIn signedIn) {
            Optional<String> secondStep = secondFactor.challenge(ctx, signedIn.customer().id(), CustomerPages.HOME);
            if (secondStep.isPresent()) {
                throw new ProblemException(Problem.of(403, "second-factor-required", "Forbidden",
                        "This account signs in with a second factor: continue in the browser at " + secondStep.get()
                                + "."));
            }
            WebSession session = sessions.signIn(ctx, signedIn.customer().id());
            ctx.json(sessionView(ctx, session, Optional.of(signedIn.customer())));
            return;
        }
        throw new ProblemException(Problem.of(401, "sign-in-refused", "Unauthorized",
                "The e-mail address or the password is wrong."));
    }

    private void signOut(Context ctx) {
        sessions.signOut(ctx);
        ctx.status(204);
    }

    private void createContact(Context ctx) {
        Customer me = me(ctx);
        JsonNode body = body(ctx);
        ContactInput input = new ContactInput(text(body, "holderType"), text(body, "name"), text(body, "organization"),
                texts(body, "street"), text(body, "city"), text(body, "region"), text(body, "postalCode"),
                text(body, "country"), text(body, "email"), text(body, "phone"), text(body, "mobilePhone"),
                text(body, "secondaryEmail"), text(body, "vatNumber"), text(body, "ean"), text(body, "pnumber"),
                texts(body, "tlds"));
        try {
            HolderContact created = contacts.create(me.id(), input);
            ctx.status(201).header("Location", "/api/v1/customers/me/contacts/" + created.id()).json(view(created));
        } catch (InvalidInputException e) {
            throw refused("The contact was not saved.", e);
        }
    }

    /** The caller's own account; a token whose subject has no account finds none. */
    private Customer me(Context ctx) {
        String subject = Caller.require(ctx).subject();
        return customers.find(subject).orElseThrow(() -> ProblemException.notFound(
                "There is no customer account for '" + subject + "'."));
    }

    // ---------------------------------------------------------------- views

    static Map<String, Object> view(Customer customer) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", customer.id());
        view.put("email", customer.email());
        view.put("name", customer.name());
        view.put("company", customer.company());
        view.put("country", customer.country());
        view.put("language", customer.language());
        view.put("currency", customer.currency());
        view.put("role", customer.role().name());
        view.put("createdAt", customer.createdAt().toString());
        return view;
    }

    static Map<String, Object> view(HolderContact holder) {
        Contact c = holder.contact();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", holder.id());
        view.put("holderType", c.type().name());
        view.put("name", c.name());
        view.put("organization", c.organization());
        view.put("street", c.address().street());
        view.put("city", c.address().city());
        view.put("region", c.address().region());
        view.put("postalCode", c.address().postalCode());
        view.put("country", c.address().countryCode());
        view.put("email", c.email());
        view.put("phone", c.phone());
        view.put("mobilePhone", c.mobilePhone());
        view.put("secondaryEmail", c.secondaryEmail());
        view.put("vatNumber", c.vatNumber());
        view.put("ean", c.identifier(Contact.EAN).orElse(null));
        view.put("pnumber", c.identifier(Contact.P_NUMBER).orElse(null));
        view.put("createdAt", holder.createdAt().toString());
        return view;
    }

    private Map<String, Object> sessionView(Context ctx, WebSession session, Optional<Customer> customer) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("state", customer.isPresent() ? "signed-in" : "visitor");
        view.put("signedIn", customer.isPresent());
        view.put("customer", customer.map(CustomersApi::view).orElse(null));
        view.put("csrfToken", sessions.csrfToken(ctx));
        view.put("cartItems", cartItems.applyAsInt(session));
        view.put("expiresAt", session.expiresAt().toString());
        return view;
    }

    // ---------------------------------------------------------------- input

    private JsonNode body(Context ctx) {
        return RequestBodies.object(json, ctx);
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    /** A list of strings, or one string as a list of one. */
    private static List<String> texts(JsonNode body, String field) {
        JsonNode value = body.get(field);
        List<String> list = new ArrayList<>();
        if (value == null || value.isNull()) {
            return list;
        }
        if (value.isArray()) {
            value.forEach(item -> list.add(item.isNull() ? "" : item.asText()));
        } else if (!value.isContainerNode()) {
            list.add(value.asText());
        }
        return list;
    }

    private static ProblemException refused(String detail, InvalidInputException e) {
        boolean taken = e.errors().values().stream().anyMatch(error -> error.code().equals("email-taken"));
        Problem problem = taken ? Problem.of(409, "email-taken", "Conflict", detail + " An account with this e-mail address exists already.")
                : Problem.of(422, "validation", "Invalid input", detail);
        return new ProblemException(problem.withErrors(e.messages()));
    }

    private static String minutes(long seconds) {
        long minutes = (seconds + 59) / 60;
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
