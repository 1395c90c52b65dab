package org.kontor.host.customers;

import java.util.Locale;
import java.util.regex.Pattern;

/** What the host accepts as an e-mail address, and the case-insensitive key that makes one account per address. */
public final class EmailAddresses {

    public static final int MAX_LENGTH = 254;
    private static final Pattern LOCAL = Pattern.compile("[^\\s@\"(),:;<>\\[\\]\\\\]{1,64}");
    private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?");
    private static final Pattern TOP_LABEL = Pattern.compile("(?:\\p{L}{2,63}|xn--[a-z0-9-]{1,59})");

    private EmailAddresses() {
    }

    /**
     * A local part without spaces or special characters that need quoting (and no leading, trailing or double dot),
     * and a domain of at least two labels whose last is a real-looking TLD; 254 characters at most.
     */
    public static boolean isValid(String address) {
        if (address == null || address.length() > MAX_LENGTH) {
            return false;
        }
        int at = address.lastIndexOf('@');
        if (at <= 0 || at != address.indexOf('@')) {
            return false;
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (!LOCAL.matcher(local).matches() || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return false;
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (int i = 0; i < labels.length - 1; i++) {
            if (!LABEL.matcher(labels[i]).matches()) {
                return false;
            }
        }
        return TOP_LABEL.matcher(labels[labels.length - 1].toLowerCase(Locale.ROOT)).matches();
    }

    /** The address as stored for lookups: trimmed and in lower case. */
    public static String key(String address) {
        return address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
    }
}
