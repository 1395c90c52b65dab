package org.kontor.it.browser;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that drives the storefront in headless Chromium: one host for the class (the demo with the sandbox
 * registry, unless {@link #host} names another), a fresh browser for each test, which takes a {@link StorefrontBrowser} parameter. Screenshots of the
 * steps and of a failure go to {@code target/screenshots/<class>/<test>/}. See {@link BrowserExtension}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("browser")
@ExtendWith(BrowserExtension.class)
public @interface BrowserTest {

    /** The host the class's tests drive: the demo unless a class needs another one. */
    Class<? extends BrowserHost> host() default DemoBrowserHost.class;
}
