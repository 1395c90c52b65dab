package org.kontor.host.forwarding;

import java.util.List;

/** Mail to {@code localPart@domain} ({@code *}: every local part without an alias of its own) goes to the targets. */
public record MailAlias(String domain, String localPart, String customerId, List<String> targets) {

    public MailAlias {
        targets = List.copyOf(targets);
    }

    public boolean catchAll() {
        return localPart.equals("*");
    }

    /** The address as Postfix's virtual map names it: {@code info@example.dk}, or {@code @example.dk} for a catch-all. */
    public String address() {
        return (catchAll() ? "" : localPart) + "@" + domain;
    }
}
