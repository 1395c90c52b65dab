package org.kontor.plugins.sandbox.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One element of a response's {@code extension} (or of its children): the rgp and dkhm answers are small enough
 * to be written from this generic shape.
 *
 * @param text the element's text, or null
 */
public record Ext(String namespace, String prefix, String name, Map<String, String> attributes, String text,
        List<Ext> children) {

    public Ext {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        children = List.copyOf(children);
    }

    public static Ext leaf(String namespace, String prefix, String name, String text) {
        return new Ext(namespace, prefix, name, Map.of(), text, List.of());
    }

    public Ext attribute(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(attributes);
        copy.put(key, value);
        return new Ext(namespace, prefix, name, copy, text, children);
    }

    public Ext child(Ext child) {
        List<Ext> copy = new ArrayList<>(children);
        copy.add(child);
        return new Ext(namespace, prefix, name, attributes, text, copy);
    }
}
