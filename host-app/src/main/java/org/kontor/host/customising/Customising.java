package org.kontor.host.customising;

import java.util.Map;
import java.util.Optional;

/**
 * What the operator customised (ADM-6); a setting left empty means the theme's own.
 *
 * @param theme       the chosen theme's name, empty for the configured one
 * @param colours     colour name ({@code primary}, {@code accent}, {@code header}) → hex colour {@code #rrggbb}
 * @param welcomeHtml storefront welcome text, cleaned rich text
 * @param footerHtml  footer text, cleaned rich text
 * @param termsUrl    address of the terms and conditions, http or https
 * @param logo        the logo, when one was uploaded
 * @param version     changes whenever something is saved, for cache-busting addresses
 */
public record Customising(String theme, Map<String, String> colours, String welcomeHtml, String footerHtml,
                          String termsUrl, Optional<Logo> logo, long version) {

    public static final java.util.List<String> COLOURS = java.util.List.of("primary", "accent", "header");

    public Customising {
        colours = Map.copyOf(colours);
    }

    public static Customising empty() {
        return new Customising("", Map.of(), "", "", "", Optional.empty(), 0);
    }

    /** An uploaded logo image. */
    public record Logo(String mediaType, byte[] content) {
    }
}
