package org.kontor.host.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebServerTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final WebServer server = new WebServer("127.0.0.1", 0);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void answersUnavailableUntilAnApplicationIsServed() throws Exception {
        server.start();

        assertThat(get("/anything").statusCode()).isEqualTo(503);
    }

    @Test
    void swapsApplicationsWithoutClosingThePort() throws Exception {
        server.start();
        int port = server.port();
        server.serve(Javalin.create(config -> config.routes.get("/which", ctx -> ctx.result("first"))));
        assertThat(get("/which").body()).isEqualTo("first");

        server.serve(Javalin.create(config -> {
            config.routes.get("/which", ctx -> ctx.result("second"));
            config.routes.get("/new", ctx -> ctx.result("added"));
        }));

        assertThat(server.port()).isEqualTo(port);
        assertThat(get("/which").body()).isEqualTo("second");
        assertThat(get("/new").body()).isEqualTo("added");
    }

    @Test
    void aRemovedRouteIsGoneAfterTheSwap() throws Exception {
        server.start();
        server.serve(Javalin.create(config -> config.routes.get("/old", ctx -> ctx.result("old"))));
        assertThat(get("/old").statusCode()).isEqualTo(200);

        server.serve(Javalin.create(config -> config.routes.get("/other", ctx -> ctx.result("other"))));

        assertThat(get("/old").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
