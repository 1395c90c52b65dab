package org.kontor.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.kontor.api.web.Access;
import org.kontor.host.web.RegisteredRoute;
import org.kontor.it.browser.PageClient;

/**
 * One caller of the authorization walk: anonymous, a role's API token, or a person signed in to a browser session.
 * Sends a route a harmless request: path parameters an id nobody has, {@code {}} as the JSON body of a write, an
 * empty form with the session's CSRF token for a page form sent from a browser session.
 */
final class WalkCaller {

    /** What every path parameter is filled with: no object has this id. */
    static final String UNKNOWN_ID = "authz-unknown-0";

    private final String name;
    private final Access role;
    private final int port;
    private final String token;
    private final PageClient browser;
    private final String email;
    private final String password;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String csrf;

    private WalkCaller(String name, Access role, int port, String token, PageClient browser, String email,
                       String password) {
        this.name = name;
        this.role = role;
        this.port = port;
        this.token = token;
        this.browser = browser;
        this.email = email;
        this.password = password;
    }

    /** Nobody signed in: API calls without credentials, pages with a visitor's session. */
    static WalkCaller anonymous(int port) throws Exception {
        WalkCaller caller = new WalkCaller("anonymous", null, port, null, new PageClient(port), null, null);
        caller.csrf = caller.browser.csrfToken();
        return caller;
    }

    /** A role's API token, sent to every route. */
    static WalkCaller token(Access role, int port, String token) {
        return new WalkCaller(role.name(), role, port, token, null, null, null);
    }

    /** A person signed in to a browser session, sent to the pages only. */
    static WalkCaller session(Access role, int port, String email, String password) throws Exception {
        WalkCaller caller = new WalkCaller(role.name() + "-session", role, port, null, new PageClient(port), email,
                password);
        caller.signIn();
        return caller;
    }

    String name() {
        return name;
    }

    /** The role the caller acts in; null for anonymous. */
    Access role() {
        return role;
    }

    /** Whether the caller is sent this route: token callers and anonymous everything, sessions the pages' GETs and POSTs. */
    boolean walks(RegisteredRoute route) {
        return token != null || role == null
                || isPage(route) && (route.method().equals("GET") || route.method().equals("POST"));
    }

    HttpResponse<String> call(RegisteredRoute route) throws Exception {
        String path = fill(route.path());
        HttpResponse<String> answer;
        if (browser != null && isPage(route) && (route.method().equals("GET") || route.method().equals("POST"))) {
            answer = route.method().equals("GET") ? browser.page(path) : browser.post(path, Map.of("_csrf", csrf));
            if (route.method().equals("POST") && route.path().startsWith("/account/sign")) {
                // signing in, out or up may have ended the session: sign in again for the next page
                if (email != null && browser.page("/account").statusCode() != 200) {
                    signIn();
                } else {
                    csrf = browser.csrfToken();
                }
            }
        } else {
            answer = http.send(request(route.method(), path, isPage(route)), HttpResponse.BodyHandlers.ofString());
        }
        return answer;
    }

    private HttpRequest request(String method, String path, boolean page) {
        boolean write = !method.equals("GET") && !method.equals("HEAD");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, write ? HttpRequest.BodyPublishers.ofString("{}", StandardCharsets.UTF_8)
                        : HttpRequest.BodyPublishers.noBody())
                .header("Accept", page ? "text/html,application/xhtml+xml,*/*;q=0.8" : "application/json");
        if (write) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    private void signIn() throws Exception {
        browser.signIn(email, password);
        csrf = browser.csrfToken();
    }

    /** A page or a page's form: outside the JSON API and the webhooks. */
    static boolean isPage(RegisteredRoute route) {
        return !route.path().startsWith("/api/") && !route.path().startsWith("/hooks/");
    }

    static String fill(String path) {
        return path.replaceAll("\\{[^}/]+}", UNKNOWN_ID);
    }

    @Override
    public String toString() {
        return name;
    }
}
