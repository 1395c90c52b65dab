package org.kontor.it.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where Debian puts Chromium and its driver ({@code apt-get install chromium chromium-driver}). */
final class Chromium {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    /** True on a CI machine (the variable CI is set, as GitHub, GitLab and most others do): a missing browser fails. */
    static boolean inCi() {
        return Optional.ofNullable(System.getenv("CI")).filter(value -> !value.isBlank() && !value.equals("false"))
                .isPresent();
    }
}
