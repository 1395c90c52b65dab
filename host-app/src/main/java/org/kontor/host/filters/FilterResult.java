package org.kontor.host.filters;

/**
 * What the filters decided: go on with {@code action}, or stop because plugin {@code vetoedBy} said
 * {@code code} / {@code message}.
 */
public record FilterResult<A>(A action, String vetoedBy, String code, String message) {

    public static <A> FilterResult<A> proceed(A action) {
        return new FilterResult<>(action, null, null, null);
    }

    public static <A> FilterResult<A> vetoed(String pluginId, String code, String message) {
        return new FilterResult<>(null, pluginId, code, message);
    }

    public boolean isVetoed() {
        return vetoedBy != null;
    }
}
