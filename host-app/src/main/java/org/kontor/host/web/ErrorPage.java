package org.kontor.host.web;

import io.javalin.http.Context;

/** Renders the page people see for an error status (the theme's error page in the host). */
@FunctionalInterface
public interface ErrorPage {

    void render(Context ctx, int status);
}
