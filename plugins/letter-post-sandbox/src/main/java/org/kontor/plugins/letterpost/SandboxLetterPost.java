package org.kontor.plugins.letterpost;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.kontor.api.PluginContext;
import org.kontor.api.billing.DeliveryReceipt;
import org.kontor.api.billing.InvoiceDelivery;
import org.kontor.api.billing.PostalLetter;
import org.pf4j.Extension;

/**
 * Posts nothing: writes each letter into the outbox folder as {@code <number>.pdf} (an address page for a window
 * envelope, then the document) and {@code <number>.json} (key, reference, recipient, pages), as a print shop would get
 * them. A key is written once: its reference is kept under {@code .keys/} before the files are written, so a repeated
 * key answers the first reference (and writes the files again only if a crash left them unfinished). A second key for
 * the same number, such as a resend, gets {@code <number>-2.pdf}.
 */
@Extension
public class SandboxLetterPost implements InvoiceDelivery {

    public static final String PROVIDER_ID = "letter-post-sandbox";

    private final Supplier<Path> outbox;
    private final Clock clock;

    public SandboxLetterPost(PluginContext context) {
        this(() -> context.settings().get(LetterPostSettings.OUTBOX).filter(folder -> !folder.isBlank())
                .map(Path::of).orElseGet(() -> context.dataDir().resolve("outbox")), context.clock());
    }

    public SandboxLetterPost(Supplier<Path> outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public String providerId() {
        return PROVIDER_ID;
    }

    @Override
    public synchronized DeliveryReceipt send(PostalLetter letter) {
        try {
            Path folder = Files.createDirectories(outbox.get());
            Path keys = Files.createDirectories(folder.resolve(".keys"));
            String hash = sha256(letter.idempotencyKey());
            Path keyFile = keys.resolve(hash);
            String reference = "LPS-" + hash.substring(0, 16).toUpperCase(Locale.ROOT);
            String base;
            if (Files.exists(keyFile)) {
                base = Files.readString(keyFile, StandardCharsets.UTF_8).strip();
                if (Files.exists(folder.resolve(base + ".pdf")) && Files.exists(folder.resolve(base + ".json"))) {
                    return DeliveryReceipt.accepted(reference);
                }
            } else {
                base = freeName(folder, fileName(letter.documentNumber()));
                try {
                    Files.writeString(keyFile, base, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException e) {
                    base = Files.readString(keyFile, StandardCharsets.UTF_8).strip(); // another host took the key
                }
            }
            List<String> address = letter.recipient().lines();
            byte[] printable = AddressPage.prepend(letter.pdf(), address, letter.documentNumber());
            writeAtomically(folder.resolve(base + ".pdf"), printable);
            writeAtomically(folder.resolve(base + ".json"), manifest(letter, reference, base, address)
                    .getBytes(StandardCharsets.UTF_8));
            return DeliveryReceipt.accepted(reference);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the letter into the outbox", e);
        }
    }

    private String manifest(PostalLetter letter, String reference, String base, List<String> address) {
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"reference\": ").append(quote(reference)).append(",\n");
        json.append("  \"idempotencyKey\": ").append(quote(letter.idempotencyKey())).append(",\n");
        json.append("  \"documentNumber\": ").append(quote(letter.documentNumber())).append(",\n");
        json.append("  \"file\": ").append(quote(base + ".pdf")).append(",\n");
        json.append("  \"language\": ").append(quote(letter.language())).append(",\n");
        json.append("  \"countryCode\": ").append(quote(letter.recipient().countryCode())).append(",\n");
        json.append("  \"address\": [");
        for (int i = 0; i < address.size(); i++) {
            json.append(i == 0 ? "" : ", ").append(quote(address.get(i)));
        }
        json.append("],\n");
        json.append("  \"addressPage\": 1,\n");
        json.append("  \"writtenAt\": ").append(quote(clock.instant().toString())).append("\n}\n");
        return json.toString();
    }

    private static String freeName(Path folder, String name) {
        String candidate = name;
        for (int n = 2; Files.exists(folder.resolve(candidate + ".pdf")) || Files.exists(folder.resolve(candidate + ".json"));
             n++) {
            candidate = name + "-" + n;
        }
        return candidate;
    }

    static String fileName(String documentNumber) {
        String name = documentNumber.replaceAll("[^A-Za-z0-9._-]", "_");
        return name.startsWith(".") ? "_" + name.substring(1) : name;
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(temp, content);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
