package org.kontor.plugins.verification.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Locale;
import org.kontor.api.PluginContext;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.verification.CreditScore;
import org.kontor.api.verification.CreditScoreProvider;
import org.kontor.api.verification.CreditScoreRequest;
import org.pf4j.Extension;

/**
 * A credit bureau ({@value #ID}) with deterministic answers, for trying risk rules without a bureau contract. The
 * rules, in this order, on the name and company (accents and case ignored):
 *
 * <ol>
 *   <li>containing {@code Insolvent}: score 5, HIGH_RISK;</li>
 *   <li>containing {@code Risiko} or {@code Risk}: score 45, MEDIUM_RISK;</li>
 *   <li>postal code {@code 00000}: ERROR {@code unknown-person}, the bureau knows no one there;</li>
 *   <li>anyone else: a score from 70 to 99, LOW_RISK: 70 plus the first four bytes of the SHA-256 of the normalised
 *       name, {@code |} and the postal code (upper case, without spaces), as an unsigned number, modulo 30.</li>
 * </ol>
 *
 * <p>It is {@linkplain #available() available} only when the setting {@value SandboxSettings#BUREAU} is on.
 */
@Extension
public class SandboxBureau implements CreditScoreProvider {

    public static final String ID = "sandbox-bureau";
    static final String UNKNOWN_POSTAL_CODE = "00000";

    private final PluginContext context;

    public SandboxBureau(PluginContext context) {
        this.context = context;
    }

    @Override
    public boolean available() {
        return context.settings().flag(SandboxSettings.BUREAU);
    }

    @Override
    public String providerId() {
        return ID;
    }

    @Override
    public Outcome<CreditScore> score(CreditScoreRequest request) {
        String name = normalised(request.name());
        String who = name + " " + normalised(request.organisation());
        String postalCode = request.address().postalCode() == null ? ""
                : request.address().postalCode().replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        if (who.contains("insolvent")) {
            return Outcome.processed(new CreditScore(5, CreditScore.Rating.HIGH_RISK, ID,
                    "insolvency proceedings on record (sandbox rule: name contains Insolvent)"), reference(request));
        }
        if (who.contains("risiko") || who.contains("risk")) {
            return Outcome.processed(new CreditScore(45, CreditScore.Rating.MEDIUM_RISK, ID,
                    "late payments on record (sandbox rule: name contains Risiko or Risk)"), reference(request));
        }
        if (postalCode.equals(UNKNOWN_POSTAL_CODE)) {
            return Outcome.error("unknown-person", "no one of this name is known at this address (sandbox rule: postal "
                    + "code 00000)");
        }
        return Outcome.processed(new CreditScore(70 + hashScore(name + "|" + postalCode), CreditScore.Rating.LOW_RISK,
                ID, "no negative entries (sandbox rule: score from the name and postal code)"), reference(request));
    }

    /** 0 to 29 from the SHA-256 of the text. */
    static int hashScore(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            long first = ((digest[0] & 0xFFL) << 24) | ((digest[1] & 0xFFL) << 16) | ((digest[2] & 0xFFL) << 8)
                    | (digest[3] & 0xFFL);
            return (int) (first % 30);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    /** Lower case, accents taken off, spaces collapsed; empty for none. */
    static String normalised(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ").strip();
    }

    private static String reference(CreditScoreRequest request) {
        return "SANDBOX-" + request.key().value();
    }
}
