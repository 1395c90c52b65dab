package org.kontor.host.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.kontor.api.domain.DomainName;
import org.kontor.api.money.Money;

/**
 * JSON for the plugin API's value types: {@code Money} as {@code {"amount":"12.50","currency":"DKK"}}
 * (the amount a string, so no reader turns it into a float) and {@code DomainName} as its ASCII form.
 */
public final class ApiValuesModule extends SimpleModule {

    public ApiValuesModule() {
        super("kontor-api-values");
        addSerializer(Money.class, new JsonSerializer<>() {
            @Override
            public void serialize(Money money, JsonGenerator out, SerializerProvider provider) throws IOException {
                out.writeStartObject();
                out.writeStringField("amount", money.amount().toPlainString());
                out.writeStringField("currency", money.currencyCode());
                out.writeEndObject();
            }
        });
        addDeserializer(Money.class, new JsonDeserializer<>() {
            @Override
            public Money deserialize(JsonParser in, DeserializationContext ctx) throws IOException {
                JsonNode node = in.readValueAsTree();
                JsonNode amount = node.get("amount");
                JsonNode currency = node.get("currency");
                if (amount == null || currency == null) {
                    return ctx.reportInputMismatch(Money.class, "money needs 'amount' and 'currency'");
                }
                return Money.of(amount.asText(), currency.asText());
            }
        });
        addSerializer(DomainName.class, new JsonSerializer<>() {
            @Override
            public void serialize(DomainName name, JsonGenerator out, SerializerProvider provider) throws IOException {
                out.writeString(name.ascii());
            }
        });
        addDeserializer(DomainName.class, new JsonDeserializer<>() {
            @Override
            public DomainName deserialize(JsonParser in, DeserializationContext ctx) throws IOException {
                return DomainName.of(in.getValueAsString());
            }
        });
    }
}
