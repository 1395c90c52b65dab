package org.kontor.plugins.banktransfer.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the references a payer quoted in what a bank statement says about a credit: the structured creditor
 * reference first, then the remittance text and the end-to-end id. Only references whose check digits hold are
 * taken; a variable symbol has none, so it is taken only where it is marked as one (or is the whole structured
 * reference).
 */
public final class ReferenceFinder {

    private static final Pattern FIFTEEN_DIGITS = Pattern.compile("(?<!\\d)\\d{15}(?!\\d)");
    /** {@code /VS/123}, {@code /VS123/}, {@code VS:123}, {@code VS 123}, {@code variabilní symbol 123}, {@code v.s. 123}. */
    private static final Pattern MARKED_VS = Pattern.compile(
            "(?iu)(?:/VS/?|\\bVS\\s*[:.]?\\s*|\\bv\\.\\s?s\\.\\s*|variabiln[íý]\\s+symbol\\s*:?\\s*)(\\d{1,10})(?!\\d)");
    private static final Pattern ONLY_DIGITS = Pattern.compile("\\d{1,35}");

    /**
     * @param structured the structured creditor reference (camt {@code CdtrRefInf/Ref}), or null
     * @param texts      free texts in order of trust: remittance information, additional information, end-to-end id
     */
    public List<PaymentReference> find(String structured, List<String> texts) {
        List<PaymentReference> found = new ArrayList<>();
        if (structured != null && !structured.isBlank()) {
            structuredReference(structured).ifPresent(reference -> add(found, reference));
        }
        for (String text : texts) {
            if (text != null && !text.isBlank()) {
                inText(text, found);
            }
        }
        return found;
    }

    private static Optional<PaymentReference> structuredReference(String raw) {
        Optional<RfReference> rf = RfReference.parse(raw);
        if (rf.isPresent()) {
            return Optional.of(PaymentReference.of(rf.get()));
        }
        Optional<FikReference> line = FikReference.parseLine(raw);
        if (line.isPresent()) {
            return Optional.of(PaymentReference.of(line.get()));
        }
        String compact = raw.replace(" ", "").strip();
        if (FikReference.isValidPaymentId(compact)) {
            return Optional.of(PaymentReference.fikPaymentId(compact));
        }
        Matcher marked = MARKED_VS.matcher(raw);
        if (marked.find()) {
            return VariableSymbol.parse(marked.group(1)).map(PaymentReference::of);
        }
        return ONLY_DIGITS.matcher(compact).matches()
                ? VariableSymbol.parse(compact).map(PaymentReference::of) : Optional.empty();
    }

    private static void inText(String text, List<PaymentReference> found) {
        FikReference.parseLine(text).ifPresent(fik -> add(found, PaymentReference.of(fik)));
        Matcher fifteen = FIFTEEN_DIGITS.matcher(text);
        while (fifteen.find()) {
            if (FikReference.isValidPaymentId(fifteen.group())) {
                add(found, PaymentReference.fikPaymentId(fifteen.group()));
            }
        }
        RfReference.find(text).ifPresent(rf -> add(found, PaymentReference.of(rf)));
        Matcher vs = MARKED_VS.matcher(text);
        while (vs.find()) {
            VariableSymbol.parse(vs.group(1)).ifPresent(symbol -> add(found, PaymentReference.of(symbol)));
        }
    }

    private static void add(List<PaymentReference> found, PaymentReference reference) {
        if (found.stream().noneMatch(reference::sameAs)) {
            found.add(reference);
        }
    }
}
