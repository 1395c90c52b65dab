package org.kontor.host.billing;

/** A message of the theme in a language: the wording documents print. */
@FunctionalInterface
public interface InvoiceTexts {

    String text(String language, String key, Object... args);
}
