package org.kontor.host.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the host's master key comes from: given directly (configuration key {@code secrets.master-key}, or
 * the environment variable {@code KONTOR_SECRETS_MASTER_KEY}) or read from a key file, which is created with a
 * random key and owner-only permissions
 * (0600) on first start. Losing the key makes every stored secret unreadable: back the file up.
 */
public final class MasterKeys {

    private static final Logger LOG = LoggerFactory.getLogger(MasterKeys.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private MasterKeys() {
    }

    /**
     * The box for the configured key when one is given (base64), else for the key in {@code keyFile}.
     */
    public static SecretBox open(String configuredBase64Key, Path keyFile) {
        if (configuredBase64Key != null && !configuredBase64Key.isBlank()) {
            return SecretBox.withKey(decode(configuredBase64Key, "the configured master key"));
        }
        return SecretBox.withKey(loadOrCreate(keyFile, new SecureRandom()));
    }

    /** Reads the base64 key in {@code keyFile}, first creating the file (0600) with a new key if absent. */
    public static byte[] loadOrCreate(Path keyFile, SecureRandom random) {
        try {
            if (Files.notExists(keyFile)) {
                create(keyFile, random);
            }
            warnIfReadableByOthers(keyFile);
            return decode(Files.readString(keyFile, StandardCharsets.US_ASCII), "the key file " + keyFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key file " + keyFile, e);
        }
    }

    private static void create(Path keyFile, SecureRandom random) throws IOException {
        Path dir = keyFile.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        String encoded = Base64.getEncoder().encodeToString(SecretBox.newKey(random)) + "\n";
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        // Written to a temporary file first and linked into place, so nobody ever reads a half-written key
        // and a key another process created meanwhile is never overwritten.
        Path temp = posix
                ? Files.createTempFile(dir, ".master-key", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(dir, ".master-key", ".tmp");
        try {
            if (!posix) {
                temp.toFile().setReadable(false, false);
                temp.toFile().setReadable(true, true);
            }
            Files.writeString(temp, encoded, StandardCharsets.US_ASCII);
            Files.createLink(keyFile, temp);
            LOG.warn("Created a new master key in {}; back it up, stored secrets cannot be read without it", keyFile);
        } catch (FileAlreadyExistsException raced) {
            LOG.info("Master key file {} was created by another process; using it", keyFile);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void warnIfReadableByOthers(Path keyFile) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(keyFile);
            if (!OWNER_ONLY.containsAll(permissions)) {
                LOG.warn("Master key file {} is readable by others ({}); make it 0600",
                        keyFile, PosixFilePermissions.toString(permissions));
            }
        }
    }

    private static byte[] decode(String base64, String what) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not base64", e);
        }
    }
}
