package org.kontor.host.security;

import com.password4j.Argon2Function;
import com.password4j.types.Argon2;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.Normalizer;

/**
 * Argon2id password hashes in the PHC string form ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}), which
 * carries its own parameters, so a hash made with older parameters still verifies and can be replaced at the next
 * sign-in ({@link #needsRehash}). Passwords are NFC-normalised first, so the same password typed on different
 * systems gives the same hash.
 */
public final class PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final String PREFIX = "$argon2id$";

    /**
     * @param memoryKib   memory per hash in KiB
     * @param iterations  passes over the memory
     * @param parallelism lanes
     */
    public record Parameters(int memoryKib, int iterations, int parallelism) {

        public Parameters {
            if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1) {
                throw new IllegalArgumentException("Argon2 needs at least 8 KiB per lane, one iteration and one lane: " + this);
            }
        }

        /** OWASP's recommended minimum for Argon2id: 19 MiB, two iterations, one lane. */
        public static Parameters recommended() {
            return new Parameters(19_456, 2, 1);
        }
    }

    private final Parameters parameters;
    private final Argon2Function function;
    private final SecureRandom random;

    public PasswordHasher(Parameters parameters, SecureRandom random) {
        this.parameters = parameters;
        this.function = Argon2Function.getInstance(parameters.memoryKib(), parameters.iterations(),
                parameters.parallelism(), HASH_BYTES, Argon2.ID);
        this.random = random;
    }

    public Parameters parameters() {
        return parameters;
    }

    /** A new hash of the password with a fresh random salt and the current parameters. */
    public String hash(CharSequence password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return function.hash(bytes(password), salt).getResult();
    }

    /** Whether the password matches the encoded hash; false for a hash that cannot be read. */
    public boolean verify(CharSequence password, String encoded) {
        if (encoded == null || !encoded.startsWith(PREFIX)) {
            return false;
        }
        try {
            return Argon2Function.getInstanceFromHash(encoded).check(bytes(password), encoded.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    /** Whether the hash was made with other parameters (or another algorithm) than the current ones. */
    public boolean needsRehash(String encoded) {
        if (encoded == null || !encoded.startsWith(PREFIX)) {
            return true;
        }
        try {
            Argon2Function used = Argon2Function.getInstanceFromHash(encoded);
            return used.getMemory() != function.getMemory() || used.getIterations() != function.getIterations()
                    || used.getParallelism() != function.getParallelism() || used.getVersion() != function.getVersion()
                    || used.getVariant() != Argon2.ID;
        } catch (RuntimeException unreadable) {
            return true;
        }
    }

    private static byte[] bytes(CharSequence password) {
        return Normalizer.normalize(password, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8);
    }
}
