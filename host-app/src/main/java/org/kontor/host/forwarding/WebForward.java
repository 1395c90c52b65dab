package org.kontor.host.forwarding;

/**
 * A forward of one host name: the domain itself (label {@code @}) or a name below it ({@code www}).
 *
 * @param host     the full host name in A-labels, as requests name it in their Host header
 * @param status   the HTTP status: 301 or 308 for PERMANENT, 302 or 307 for TEMPORARY, 200 for FRAMED
 * @param keepPath whether the request's path and query are appended to the target
 */
public record WebForward(String host, String domain, String label, String customerId, String target, Kind kind,
                         int status, boolean keepPath) {

    public enum Kind { PERMANENT, TEMPORARY, FRAMED }

    /**
     * Where a request for this path and query (null when there is none) goes: with keepPath the path is appended to
     * the target's path and the query joined to the target's query.
     */
    public String location(String path, String query) {
        if (!keepPath) {
            return target;
        }
        java.net.URI uri = java.net.URI.create(target);
        String targetPath = uri.getRawPath() == null ? "" : uri.getRawPath();
        String rest = path == null || path.isEmpty() ? "/" : path;
        String joined = targetPath.isEmpty() ? rest : rest.equals("/") ? targetPath
                : (targetPath.endsWith("/") ? targetPath.substring(0, targetPath.length() - 1) : targetPath) + rest;
        String targetQuery = uri.getRawQuery();
        String fullQuery = targetQuery == null || targetQuery.isEmpty() ? query
                : query == null || query.isEmpty() ? targetQuery : targetQuery + "&" + query;
        return uri.getScheme() + "://" + uri.getRawAuthority() + joined
                + (fullQuery == null || fullQuery.isEmpty() ? "" : "?" + fullQuery);
    }
}
