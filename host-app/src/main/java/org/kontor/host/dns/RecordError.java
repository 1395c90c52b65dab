package org.kontor.host.dns;

/**
 * Why a record was refused: the field ({@code name}, {@code type}, {@code ttl}, {@code priority}, {@code data}), a code
 * for the message in the customer's language ({@code form.error.dns-<code>}) and its argument, and an English message
 * for the JSON API.
 */
public record RecordError(String field, String code, String arg, String message) {

    static RecordError of(String field, String code, String arg, String message) {
        return new RecordError(field, code, arg == null ? "" : arg, message);
    }
}
