package org.kontor.host.themes;

/** A model value as handlers pass them: a public record. */
public record Person(String name) {
}
