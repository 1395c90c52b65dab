package org.kontor.host.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.kontor.api.web.Access;

/**
 * The OpenAPI 3.1 document of the JSON API as one running application serves it: the host's part
 * ({@code openapi/host.json} on the host's class path) and, for each running plugin, the part it ships as
 * {@code openapi/<plugin-id>.json}, whose paths are put under the plugin's prefix {@code /api/v1/p/<plugin-id>}.
 *
 * <p>A plugin part's own components are renamed to {@code <plugin-id>.<name>} (and its references with them), so
 * two plugins never clash; references to components it does not define (the host's {@code Money},
 * {@code Problem}, …) are left as they are. Its operation ids get the plugin id in front.
 *
 * <p>The registered routes are the truth for who may call what: each documented operation gets its
 * {@code security} ({@code []} for public routes, the bearer token otherwise), an {@code x-kontor-access} naming
 * the role, and the 401/403 answers of a protected route.
 */
public final class OpenApiDocument {

    /** Where the document is served. */
    public static final String PATH = "/api/openapi.json";
    static final String HOST_PART = "openapi/host.json";
    private static final String FEATURE_PARTS = "x-kontor-parts";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final List<String> COMPONENT_KINDS = List.of("schemas", "responses", "parameters", "requestBodies",
            "headers", "examples");

    private final JsonNode document;
    private final byte[] bytes;
    private final String etag;

    private OpenApiDocument(JsonNode document, byte[] bytes) {
        this.document = document;
        this.bytes = bytes;
        this.etag = "\"" + sha256(bytes) + "\"";
    }

    /**
     * Puts the parts together.
     *
     * @param hostPart    the host's part, a complete OpenAPI document
     * @param pluginParts plugin id → the plugin's part (paths relative to its API prefix)
     * @param routes      the routes the application registered
     */
    public static OpenApiDocument assemble(ObjectMapper json, JsonNode hostPart, Map<String, JsonNode> pluginParts,
                                           List<RegisteredRoute> routes) {
        ObjectNode doc = hostPart.deepCopy();
        ObjectNode paths = objectAt(doc, "paths");
        ObjectNode components = objectAt(doc, "components");
        ArrayNode tags = doc.has("tags") ? (ArrayNode) doc.get("tags") : doc.putArray("tags");
        pluginParts.forEach((pluginId, part) -> merge(pluginId, part.deepCopy(), paths, components, tags));

        Map<String, Access> accessByOperation = new LinkedHashMap<>();
        routes.forEach(route -> accessByOperation.put(key(route.method(), route.path()), route.access()));
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (METHODS.contains(operation.getKey()) && operation.getValue() instanceof ObjectNode op) {
                String key = key(operation.getKey(), path.getKey());
                if (accessByOperation.containsKey(key)) {
                    secure(op, accessByOperation.get(key));
                }
            }
        }));
        try {
            return new OpenApiDocument(doc, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the OpenAPI document", e);
        }
    }

    /** Reads a part from a resource; empty when there is none. */
    public static Optional<JsonNode> readPart(ObjectMapper json, Optional<URL> resource) {
        if (resource.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = resource.get().openStream()) {
            return Optional.of(json.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI part " + resource.get(), e);
        }
    }

    /**
     * The host's own part, from the host's class path: {@code openapi/host.json} together with the feature
     * files it lists under {@code x-kontor-parts} (paths, components and tags of one feature each, so that
     * every feature documents its routes next to the others without sharing one file).
     */
    public static JsonNode hostPart(ObjectMapper json) {
        ClassLoader loader = OpenApiDocument.class.getClassLoader();
        ObjectNode host = (ObjectNode) readPart(json, Optional.ofNullable(loader.getResource(HOST_PART)))
                .orElseThrow(() -> new IllegalStateException(HOST_PART + " is missing from the host"));
        JsonNode parts = host.remove(FEATURE_PARTS);
        if (parts != null) {
            for (JsonNode name : parts) {
                String resource = "openapi/" + name.asText();
                JsonNode part = readPart(json, Optional.ofNullable(loader.getResource(resource)))
                        .orElseThrow(() -> new IllegalStateException(resource + " is listed in " + HOST_PART
                                + " but missing from the host"));
                mergeFeature(resource, part, host);
            }
        }
        return host;
    }

    private static void mergeFeature(String resource, JsonNode part, ObjectNode host) {
        ObjectNode paths = objectAt(host, "paths");
        part.path("paths").fields().forEachRemaining(path -> {
            if (paths.has(path.getKey())) {
                throw new IllegalStateException(resource + " documents " + path.getKey() + " a second time");
            }
            paths.set(path.getKey(), path.getValue());
        });
        ObjectNode components = objectAt(host, "components");
        for (String kind : COMPONENT_KINDS) {
            part.path("components").path(kind).fields().forEachRemaining(component -> {
                ObjectNode target = objectAt(components, kind);
                if (target.has(component.getKey())) {
                    throw new IllegalStateException(resource + " defines " + kind + "/" + component.getKey()
                            + " a second time");
                }
                target.set(component.getKey(), component.getValue());
            });
        }
        ArrayNode tags = host.has("tags") ? (ArrayNode) host.get("tags") : host.putArray("tags");
        part.path("tags").forEach(tags::add);
    }

    /** The document as parsed JSON (do not change it). */
    public JsonNode json() {
        return document;
    }

    /** The document as served, UTF-8 JSON. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A strong ETag of the served bytes. */
    public String etag() {
        return etag;
    }

    /** The documented operations, as {@code "GET /api/v1/plugins"}. */
    public Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                operations.add(key(method, path.getKey()));
            }
        }));
        return operations;
    }

    /**
     * How the document and the registered routes of the JSON API differ.
     *
     * @param undocumented registered routes under {@code /api/} the document lacks
     * @param unregistered documented operations no route serves
     */
    public record Coverage(List<String> undocumented, List<String> unregistered) {

        public boolean complete() {
            return undocumented.isEmpty() && unregistered.isEmpty();
        }

        @Override
        public String toString() {
            return "undocumented routes: " + undocumented + "; documented but not registered: " + unregistered;
        }
    }

    /** Compares the documented operations with the registered routes under {@code /api/}. */
    public Coverage coverage(List<RegisteredRoute> routes) {
        Set<String> registered = new TreeSet<>();
        routes.stream().filter(route -> route.path().startsWith("/api/"))
                .forEach(route -> registered.add(key(route.method(), route.path())));
        Set<String> documented = operations();
        List<String> undocumented = new ArrayList<>(registered);
        undocumented.removeAll(documented);
        List<String> unregistered = new ArrayList<>(documented);
        unregistered.removeAll(registered);
        return new Coverage(List.copyOf(undocumented), List.copyOf(unregistered));
    }

    static String key(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }

    private static void merge(String pluginId, ObjectNode part, ObjectNode paths, ObjectNode components, ArrayNode tags) {
        Map<String, String> renamed = new LinkedHashMap<>();
        JsonNode ownComponents = part.path("components");
        for (String kind : COMPONENT_KINDS) {
            ownComponents.path(kind).fieldNames().forEachRemaining(name ->
                    renamed.put("#/components/" + kind + "/" + name, "#/components/" + kind + "/" + pluginId + "." + name));
        }
        renameRefs(part, renamed);
        for (String kind : COMPONENT_KINDS) {
            ownComponents.path(kind).fields().forEachRemaining(component ->
                    objectAt(components, kind).set(pluginId + "." + component.getKey(), component.getValue()));
        }
        String prefix = "/api/v1/p/" + pluginId;
        boolean tagged = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = part.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            String relative = path.getKey();
            String full = relative.isEmpty() || relative.equals("/") ? prefix
                    : prefix + (relative.startsWith("/") ? relative : "/" + relative);
            ObjectNode item = (ObjectNode) path.getValue();
            item.fields().forEachRemaining(operation -> {
                if (METHODS.contains(operation.getKey()) && operation.getValue() instanceof ObjectNode op) {
                    if (op.has("operationId")) {
                        op.put("operationId", pluginId + "." + op.get("operationId").asText());
                    }
                    if (!op.has("tags")) {
                        op.putArray("tags").add(pluginId);
                    }
                }
            });
            paths.set(full, item);
            tagged = true;
        }
        if (tagged) {
            ObjectNode tag = tags.addObject().put("name", pluginId);
            tag.put("description", part.path("info").path("description").asText("Routes of the plugin " + pluginId + "."));
        }
    }

    private static void renameRefs(JsonNode node, Map<String, String> renamed) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && renamed.containsKey(ref.asText())) {
                object.put("$ref", renamed.get(ref.asText()));
            }
            object.elements().forEachRemaining(child -> renameRefs(child, renamed));
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(child -> renameRefs(child, renamed));
        }
    }

    private static void secure(ObjectNode operation, Access access) {
        ArrayNode security = operation.putArray("security");
        operation.put("x-kontor-access", access == null ? "NONE" : access.name());
        if (access == Access.PUBLIC) {
            return;
        }
        security.addObject().putArray("bearer");
        ObjectNode responses = objectAt(operation, "responses");
        if (!responses.has("401")) {
            responses.putObject("401").put("$ref", "#/components/responses/Unauthorized");
        }
        if (!responses.has("403")) {
            responses.putObject("403").put("$ref", "#/components/responses/Forbidden");
        }
    }

    private static ObjectNode objectAt(ObjectNode parent, String field) {
        return parent.get(field) instanceof ObjectNode node ? node : parent.putObject(field);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
