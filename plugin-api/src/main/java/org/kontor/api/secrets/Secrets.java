package org.kontor.api.secrets;

/**
 * Authenticated encryption with the host's master key, for secrets a plugin stores in its own tables.
 * The sealed form is text, safe to store; it names the key version so keys can be rotated.
 */
public interface Secrets {

    String seal(String plaintext);

    /**
     * @throws IllegalArgumentException when the text was not sealed with this host's keys or was altered
     */
    String open(String sealed);
}
