package org.kontor.plugins.riskbasic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Disposable e-mail domains: a list, where a domain covers its subdomains too. */
final class DisposableDomains {

    /** The list bundled with the plugin (see the resource's header for its source and licence). */
    static final String BUNDLED = "disposable-email-domains.txt";

    private final Set<String> domains;

    DisposableDomains(Set<String> domains) {
        this.domains = Set.copyOf(domains);
    }

    /** The bundled list. */
    static DisposableDomains bundled() {
        try (InputStream in = DisposableDomains.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("the plugin's list " + BUNDLED + " is missing");
            }
            Set<String> domains = new HashSet<>();
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String domain = line.strip().toLowerCase(Locale.ROOT);
                if (!domain.isEmpty() && !domain.startsWith("#")) {
                    domains.add(domain);
                }
            }
            return new DisposableDomains(domains);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int size() {
        return domains.size();
    }

    /**
     * The listed domain the address's domain is or lies under ({@code mail.mailinator.com} under
     * {@code mailinator.com}), if any; also checked against {@code extra}.
     */
    Optional<String> match(String email, Set<String> extra) {
        if (email == null) {
            return Optional.empty();
        }
        int at = email.lastIndexOf('@');
        String domain = email.substring(at + 1).strip().toLowerCase(Locale.ROOT);
        while (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        while (!domain.isEmpty()) {
            if (domains.contains(domain) || extra.contains(domain)) {
                return Optional.of(domain);
            }
            int dot = domain.indexOf('.');
            if (dot < 0) {
                return Optional.empty();
            }
            domain = domain.substring(dot + 1);
        }
        return Optional.empty();
    }
}
