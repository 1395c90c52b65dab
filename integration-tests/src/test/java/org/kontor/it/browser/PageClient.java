package org.kontor.it.browser;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Plain HTTP as a browser sends it to the storefront's pages, without a browser: keeps the cookies the host sets,
 * asks for HTML in a chosen language, posts forms, follows no redirects, and reads hidden fields out of pages.
 */
public final class PageClient {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String language = "en";

    public PageClient(int port) {
        this.port = port;
    }

    public PageClient language(String code) {
        this.language = code;
        return this;
    }

    public HttpResponse<String> page(String path) throws Exception {
        return send(request(path).GET());
    }

    /** Posts the form fields (in this order) as {@code application/x-www-form-urlencoded}. */
    public HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts text fields and one file as {@code multipart/form-data}, as a form with a file input does. */
    public HttpResponse<String> postWithFile(String path, Map<String, String> fields, String fileField, String fileName,
                                             String fileContent) throws Exception {
        String boundary = "kontor-" + java.util.UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(fileField).append("\"; filename=\"")
                .append(fileName).append("\"\r\nContent-Type: text/plain\r\n\r\n")
                .append(fileContent).append("\r\n--").append(boundary).append("--\r\n");
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    }

    /** The CSRF token of the session, read from a page with a form (the cart has several). */
    public String csrfToken() throws Exception {
        return hidden(page("/cart").body(), "_csrf");
    }

    /** Signs in through the sign-in form; the session cookie is replaced by the signed-in one. */
    public void signIn(String email, String password) throws Exception {
        String token = hidden(page("/account/signin").body(), "_csrf");
        HttpResponse<String> response = post("/account/signin", Map.of("_csrf", token, "email", email,
                "password", password));
        if (response.statusCode() != 303) {
            throw new AssertionError("sign-in failed: " + response.statusCode() + " " + response.body());
        }
    }

    /** The value of the first hidden field with this name. */
    public static String hidden(String html, String name) {
        Matcher matcher = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no field " + name + " in the page: " + html);
        }
        return matcher.group(1);
    }

    /** Every match of the pattern's first group. */
    public static List<String> all(String html, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(html);
        List<String> found = new java.util.ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .header("Accept-Language", language);
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).strip();
            String value = pair.substring(eq + 1).strip();
            if (value.isEmpty() || header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return response;
    }
}
