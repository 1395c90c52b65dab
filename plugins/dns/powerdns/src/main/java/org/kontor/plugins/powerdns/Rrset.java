package org.kontor.plugins.powerdns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One record set as PowerDNS keeps it: an absolute owner name, a type, one TTL and the contents.
 *
 * @param disabled whether PowerDNS holds any of its records disabled (such a set is always replaced)
 */
public record Rrset(String name, String type, int ttl, List<String> contents, boolean disabled) {

    public Rrset {
        contents = List.copyOf(contents);
    }

    public Rrset(String name, String type, int ttl, List<String> contents) {
        this(name, type, ttl, contents, false);
    }

    /** Name and type, which identify a set within a zone. */
    public String key() {
        return key(name, type);
    }

    public static String key(String name, String type) {
        return name + " " + type;
    }

    /** Whether PowerDNS serves this set just as {@code other} describes it. */
    public boolean sameAs(Rrset other) {
        return !disabled && !other.disabled && ttl == other.ttl && key().equals(other.key())
                && comparable().equals(other.comparable());
    }

    private List<String> comparable() {
        List<String> values = new ArrayList<>();
        contents.forEach(content -> values.add(RecordContent.comparable(type, content)));
        values.sort(null);
        return values;
    }

    /** The set from an rrset of PowerDNS's zone JSON. */
    public static Rrset fromJson(JsonNode rrset) {
        List<String> contents = new ArrayList<>();
        boolean disabled = false;
        for (JsonNode record : rrset.path("records")) {
            contents.add(record.path("content").asText());
            disabled |= record.path("disabled").asBoolean(false);
        }
        return new Rrset(rrset.path("name").asText(), rrset.path("type").asText(), rrset.path("ttl").asInt(),
                contents, disabled);
    }

    /** The set for a zone creation or a {@code REPLACE}. */
    public ObjectNode toJson(String changetype) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("name", name).put("type", type).put("ttl", ttl)
                .put("changetype", changetype);
        ArrayNode records = node.putArray("records");
        contents.forEach(content -> records.addObject().put("content", content).put("disabled", false));
        return node;
    }

    /** A {@code DELETE} of this name and type. */
    public static ObjectNode deletion(String name, String type) {
        return JsonNodeFactory.instance.objectNode().put("name", name).put("type", type).put("changetype", "DELETE");
    }
}
