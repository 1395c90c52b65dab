package org.kontor.host.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.kontor.api.secrets.Secrets;

/**
 * AES-256-GCM with a random 12-byte nonce per secret. The sealed form is {@code v<version>:<base64(nonce |
 * ciphertext | tag)>}; the version names the master key and is bound into the tag as associated data, so
 * a sealed text cannot be moved to another key version. New secrets are sealed with the current key; older
 * keys, when given, still open what they sealed.
 */
public final class SecretBox implements Secrets {

    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String CIPHER = "AES/GCM/NoPadding";

    private final int currentVersion;
    private final Map<Integer, SecretKeySpec> keys;
    private final SecureRandom random;

    /**
     * @param currentVersion the version new secrets are sealed with; must be one of {@code keys}
     * @param keys           32-byte master keys by version
     */
    public SecretBox(int currentVersion, Map<Integer, byte[]> keys, SecureRandom random) {
        Objects.requireNonNull(keys, "keys");
        if (!keys.containsKey(currentVersion)) {
            throw new IllegalArgumentException("no master key of version " + currentVersion);
        }
        Map<Integer, SecretKeySpec> specs = new TreeMap<>();
        keys.forEach((version, key) -> {
            if (version < 1) {
                throw new IllegalArgumentException("key versions start at 1, was " + version);
            }
            if (key == null || key.length != KEY_BYTES) {
                throw new IllegalArgumentException("master key version " + version + " must be " + KEY_BYTES + " bytes");
            }
            specs.put(version, new SecretKeySpec(key.clone(), "AES"));
        });
        this.currentVersion = currentVersion;
        this.keys = Map.copyOf(specs);
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A box with one master key, version 1. */
    public static SecretBox withKey(byte[] key) {
        return new SecretBox(1, Map.of(1, key), new SecureRandom());
    }

    /** A fresh random 32-byte master key. */
    public static byte[] newKey(SecureRandom random) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return key;
    }

    @Override
    public String seal(String plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        String prefix = "v" + currentVersion;
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(currentVersion), nonce, prefix);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return prefix + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    @Override
    public String open(String sealed) {
        if (sealed == null) {
            throw new IllegalArgumentException("not a sealed secret: null");
        }
        int colon = sealed.indexOf(':');
        if (colon < 2 || sealed.charAt(0) != 'v') {
            throw new IllegalArgumentException("not a sealed secret: expected 'v<version>:<data>'");
        }
        String prefix = sealed.substring(0, colon);
        int version;
        byte[] data;
        try {
            version = Integer.parseInt(prefix.substring(1));
            data = Base64.getDecoder().decode(sealed.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a sealed secret: bad version or base64", e);
        }
        SecretKeySpec key = keys.get(version);
        if (key == null) {
            throw new IllegalArgumentException("secret was sealed with master key version " + version
                    + ", which this host does not have");
        }
        if (data.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("not a sealed secret: too short");
        }
        try {
            byte[] nonce = java.util.Arrays.copyOfRange(data, 0, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce, prefix);
            byte[] plain = cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("secret was altered or sealed with another master key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static Cipher cipher(int mode, SecretKeySpec key, byte[] nonce, String versionPrefix)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(CIPHER);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(versionPrefix.getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }

    /** Never prints key material. */
    @Override
    public String toString() {
        return "SecretBox[currentVersion=" + currentVersion + ", versions=" + keys.keySet() + "]";
    }
}
