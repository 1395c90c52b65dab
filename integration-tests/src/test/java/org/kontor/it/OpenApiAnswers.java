package org.kontor.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.net.http.HttpResponse;
import java.util.Locale;

/** Checks an API answer against the host's OpenAPI document: its status is documented and its body fits, strictly. */
final class OpenApiAnswers {

    private OpenApiAnswers() {
    }

    static void matches(JsonNode doc, String method, String path, HttpResponse<String> response) throws Exception {
        String where = method + " " + path + " → " + response.statusCode() + " " + response.body();
        JsonNode answer = doc.path("paths").path(path).path(method.toLowerCase(Locale.ROOT))
                .path("responses").path(String.valueOf(response.statusCode()));
        assertThat(answer.isMissingNode()).as(where + " is documented").isFalse();
        if (answer.has("$ref")) {
            answer = doc.at(answer.get("$ref").asText().substring(1));
        }
        String type = response.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
        JsonNode schema = answer.path("content").path(type).path("schema");
        assertThat(schema.isMissingNode()).as(where + " documents " + type).isFalse();
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", strict(doc.get("components").deepCopy()));
        root.set("allOf", json.createArrayNode().add(strict(schema.deepCopy())));
        assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root)
                .validate(json.readTree(response.body()))).as(where).isEmpty();
    }

    private static JsonNode strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            object.elements().forEachRemaining(OpenApiAnswers::strict);
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(OpenApiAnswers::strict);
        }
        return node;
    }
}
