package org.kontor.host.storefront.cart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kontor.host.orders.InputError;

/**
 * The errors of one refused form for its template: those of each input by the input's name (the core's field names
 * mapped to the form's, e.g. {@code years} → {@code period}), and under {@code form} the rest, shown above the form.
 */
final class FormErrors {

    static final String FORM = "form";

    private FormErrors() {
    }

    static Map<String, List<Map<String, Object>>> of(List<InputError> errors, Set<String> inputs,
                                                     Map<String, String> renamed) {
        Map<String, List<Map<String, Object>>> byInput = new LinkedHashMap<>();
        for (InputError error : errors) {
            String field = renamed.getOrDefault(error.field(), error.field());
            String key = inputs.contains(field) ? field : FORM;
            byInput.computeIfAbsent(key, k -> new ArrayList<>()).add(PageViews.error(error));
        }
        return byInput;
    }
}
