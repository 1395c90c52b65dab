package org.kontor.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.kontor.api.web.Access;
import org.kontor.database.Database;
import org.kontor.host.customers.SignUp;
import org.kontor.host.security.AccessControl;
import org.kontor.host.web.RegisteredRoute;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * Walks every route the demo host registered (the host's own and every plugin's) with every role and anonymously, and
 * checks that exactly the callers the route declares get through: a route declaring {@link Access#PUBLIC} admits
 * everyone, any other exactly the roles it lists and nobody anonymous. Roles have no hierarchy: an operator
 * ({@link Access#ADMIN}) gets through only where a route names ADMIN, as {@code AccessControl} checks it.
 *
 * <p>Every role calls with an API token; the roles a person signs in with (CUSTOMER, RESELLER) and anonymous
 * visitors also open every page and post every page form from a browser session with its CSRF token. A role added to
 * {@link Access} is walked without a change here. A refusal is 401, 403, or a page sending the visitor to sign in;
 * anything else (a 404 for the unknown id, a 400 for the empty body) got through the access check.
 */
@DatabaseTest
class AuthorizationWalkTest {

    /**
     * Routes whose answers differ from their declared access on purpose: which callers do get through, and why.
     * Keyed by {@code METHOD /path}. Reviewed; keep it short.
     */
    static final Map<String, Deviation> DEVIATIONS = Map.of();

    /** A route that behaves unlike its declaration on purpose. */
    record Deviation(Set<String> admitted, String why) {
    }

    private OrderingHost demo;

    @AfterEach
    void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @DbTest
    void everyRouteAdmitsExactlyTheCallersItDeclares(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        List<RegisteredRoute> routes = demo.host.web().routes();
        assertThat(routes).as("the demo host's routes").hasSizeGreaterThan(100);
        assertThat(routes.stream().filter(route -> route.roles().isEmpty()).toList())
                .as("routes declaring no access").isEmpty();
        assertThat(routes.stream().filter(route -> route.path().startsWith("/api/v1/domains")
                        || route.path().startsWith("/account/domains")).toList())
                .as("the customer center's domain routes (pages and API): for customers and resellers, never staff")
                .hasSize(40).allSatisfy(route -> assertThat(route.roles())
                        .containsExactlyInAnyOrder(Access.CUSTOMER, Access.RESELLER));

        List<WalkCaller> callers = callers();
        List<Row> rows = new ArrayList<>();
        int requests = 0;
        for (RegisteredRoute route : routes) {
            Map<String, Integer> observed = new LinkedHashMap<>();
            for (WalkCaller caller : callers) {
                if (caller.walks(route)) {
                    HttpResponse<String> answer = caller.call(route);
                    requests++;
                    observed.put(caller.name(), refused(answer) ? -answer.statusCode() : answer.statusCode());
                }
            }
            rows.add(new Row(route, observed, expected(route, callers, observed.keySet())));
        }
        List<Row> wrong = rows.stream().filter(row -> !row.admitted().equals(row.expected())).toList();
        Set<String> stale = new LinkedHashSet<>(DEVIATIONS.keySet());
        rows.forEach(row -> stale.remove(row.route().toString()));
        System.out.printf("authorization walk: %d routes, %d callers %s, %d requests, %d deviations%n", rows.size(),
                callers.size(), callers, requests, DEVIATIONS.size());

        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "authorization-walk-"
                + database.config().dialect().name().toLowerCase(java.util.Locale.ROOT) + ".txt"), table(rows));

        assertThat(stale).as("deviations listed for routes the host does not have").isEmpty();
        assertThat(wrong).as(() -> "routes admitting other callers than they declare (a minus marks a refusal):\n"
                + table(wrong)).isEmpty();
    }

    /** Anonymous, then an API token for every role, then a browser session for each role a person can sign in with. */
    private List<WalkCaller> callers() throws Exception {
        int port = demo.host.port();
        List<WalkCaller> callers = new ArrayList<>();
        callers.add(WalkCaller.anonymous(port));
        List<WalkCaller> sessions = new ArrayList<>();
        for (Access role : Access.values()) {
            if (role == Access.PUBLIC) {
                continue;
            }
            String subject = "authz-" + role.name().toLowerCase(java.util.Locale.ROOT);
            if (role == Access.CUSTOMER || role == Access.RESELLER) {
                String email = subject + "@example.net";
                String password = "walk-password-" + subject;
                demo.host.customers().create(subject, new SignUp(email, password, "Walk " + role, null, "DK", "en",
                        "DKK"), role);
                sessions.add(WalkCaller.session(role, port, email, password));
            }
            callers.add(WalkCaller.token(role, port, demo.host.apiTokens().issue(subject, role, "authorization walk")));
        }
        callers.addAll(sessions);
        return callers;
    }

    /** The callers that should get through: everyone for PUBLIC, else the declared roles; or as the deviation says. */
    private static Set<String> expected(RegisteredRoute route, List<WalkCaller> callers, Set<String> walked) {
        Deviation deviation = DEVIATIONS.get(route.toString());
        Set<String> expected = new LinkedHashSet<>();
        for (WalkCaller caller : callers) {
            if (!walked.contains(caller.name())) {
                continue;
            }
            boolean declared = route.roles().contains(Access.PUBLIC)
                    || caller.role() != null && route.roles().contains(caller.role())
                    || caller.role() == Access.SUPPORT && supportMay(route);
            if (deviation != null ? deviation.admitted().contains(caller.name()) : declared) {
                expected.add(caller.name());
            }
        }
        return expected;
    }

    /**
     * Support staff's rule: operator routes (those admitting ADMIN) read-only, plus the clearing center's actions, but
     * never the staff audit record.
     */
    private static boolean supportMay(RegisteredRoute route) {
        if (!route.roles().contains(Access.ADMIN)
                || AccessControl.ADMIN_ONLY_PREFIXES.stream().anyMatch(route.path()::startsWith)) {
            return false;
        }
        return route.method().equals("GET") || route.method().equals("HEAD")
                || AccessControl.SUPPORT_ACTION_PREFIXES.stream().anyMatch(route.path()::startsWith);
    }

    /** A refusal: 401, 403, or a page sending the visitor to sign in. */
    private static boolean refused(HttpResponse<String> answer) {
        int status = answer.statusCode();
        return status == 401 || status == 403 || status / 100 == 3
                && answer.headers().firstValue("Location").orElse("").startsWith("/account/signin");
    }

    /** One route's answers: each caller's status, negative when refused. */
    private record Row(RegisteredRoute route, Map<String, Integer> observed, Set<String> expected) {

        Set<String> admitted() {
            Set<String> admitted = new LinkedHashSet<>();
            observed.forEach((caller, status) -> {
                if (status > 0) {
                    admitted.add(caller);
                }
            });
            return admitted;
        }
    }

    private static String table(List<Row> rows) {
        StringBuilder table = new StringBuilder();
        for (Row row : rows) {
            table.append(String.format("%-6s %-58s %-22s expected %s%n       got", row.route().method(),
                    row.route().path(), row.route().roles(), row.expected()));
            row.observed().forEach((caller, status) -> table.append(' ').append(caller).append('=').append(status));
            table.append('\n');
        }
        return table.toString();
    }
}
