package org.kontor.host.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import org.kontor.api.domain.DomainName;
import org.kontor.api.money.Money;

/** The JSON form of the API: ISO-8601 times, money as a decimal string with its currency, names in ASCII. */
public final class JsonMapping {

    private JsonMapping() {
    }

    public static ObjectMapper create() {
        SimpleModule values = new SimpleModule("kontor-values");
        values.addSerializer(Money.class, new JsonSerializer<>() {
            @Override
            public void serialize(Money money, JsonGenerator out, SerializerProvider serializers) throws IOException {
                out.writeStartObject();
                out.writeStringField("amount", money.amount().toPlainString());
                out.writeStringField("currency", money.currencyCode());
                out.writeEndObject();
            }
        });
        values.addSerializer(DomainName.class, new JsonSerializer<>() {
            @Override
            public void serialize(DomainName name, JsonGenerator out, SerializerProvider serializers) throws IOException {
                out.writeString(name.ascii());
            }
        });
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(values)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
