package org.kontor.plugins.epp.response;

import java.util.List;
import java.util.Optional;

/**
 * A response to a command.
 *
 * @param results one or more results; several when the server reports several errors
 * @param messageQueue the poll queue state, or null when the server sent none
 * @param data the children of {@code resData}, empty when there is none
 * @param extensions the children of {@code extension}, empty when there is none
 */
public record EppResponse(List<Result> results, MessageQueue messageQueue, List<ResponseData> data,
        List<ResponseExtension> extensions, TransactionId transactionId) implements EppMessage {

    public EppResponse {
        results = List.copyOf(results);
        if (results.isEmpty()) {
            throw new IllegalArgumentException("a response has at least one result");
        }
        data = List.copyOf(data);
        extensions = List.copyOf(extensions);
    }

    /** The first result, which carries the code of the response. */
    public Result result() {
        return results.get(0);
    }

    public int code() {
        return result().code();
    }

    public boolean isSuccess() {
        return result().isSuccess();
    }

    /** The first {@code resData} child of this type. */
    public <T extends ResponseData> Optional<T> data(Class<T> type) {
        return data.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** The extensions the codec kept raw whose namespace is this one: a registry profile's own. */
    public List<UnknownElement> unknownExtensions(String namespace) {
        return extensions.stream().filter(UnknownElement.class::isInstance).map(UnknownElement.class::cast)
                .filter(e -> namespace.equals(e.namespace())).toList();
    }

    /** The first extension of this type. */
    public <T extends ResponseExtension> Optional<T> extension(Class<T> type) {
        return extensions.stream().filter(type::isInstance).map(type::cast).findFirst();
    }
}
