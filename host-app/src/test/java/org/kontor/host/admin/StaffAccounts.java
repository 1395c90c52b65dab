package org.kontor.host.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.kontor.api.web.Access;
import org.kontor.host.KontorHost;
import org.kontor.host.customers.Browser;
import org.kontor.host.customers.SignUp;

/** Accounts for admin page tests: customers and staff members, and browsers signed in as them. */
public final class StaffAccounts {

    public static final String PASSWORD = "a long enough password";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final KontorHost host;

    public StaffAccounts(KontorHost host) {
        this.host = host;
    }

    /** A new account; with a role it is also a staff member with that role (ADMIN or SUPPORT). */
    public String account(String name, Access staffRole) {
        String id = name + "-" + SEQUENCE.incrementAndGet();
        host.customers().create(id, new SignUp(id + "@example.dk", PASSWORD, "Navn " + name, null, "DK", "en", "DKK"),
                Access.CUSTOMER);
        if (staffRole != null) {
            host.staffMembers().grant(id, staffRole);
        }
        return id;
    }

    public Browser signedIn(String customerId) throws Exception {
        Browser browser = new Browser(host.port());
        String token = Browser.csrfToken(browser.page("/account/signin"));
        HttpResponse<String> signedIn = browser.form("/account/signin", Map.of("_csrf", token,
                "email", customerId + "@example.dk", "password", PASSWORD));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
        return browser;
    }

    /** Sends a form as a browser does with a file input: multipart, with the CSRF field and one file. */
    public HttpResponse<String> upload(Browser browser, String path, String csrfToken, String field, String fileName,
                                       String contentType, byte[] content) throws Exception {
        String boundary = "----kontor" + SEQUENCE.incrementAndGet();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrfToken
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Cookie", browser.cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The staff audit rows of an actor, as "METHOD path status ROLE". */
    public java.util.List<String> audit(String actor) {
        return host.database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT method, path, status, role FROM staff_audit WHERE actor = :a ORDER BY at, id")
                .bind("a", actor).map((rs, ctx) -> rs.getString("method") + " " + rs.getString("path") + " "
                        + rs.getInt("status") + " " + rs.getString("role")).list());
    }
}
