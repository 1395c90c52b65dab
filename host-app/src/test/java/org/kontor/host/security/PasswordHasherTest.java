package org.kontor.host.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** Argon2id hashes: what is stored, what verifies, and when a hash is due for renewal. */
class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(new PasswordHasher.Parameters(1024, 1, 1), new SecureRandom());

    @Test
    void theHashIsAnArgon2idStringWithItsParametersAndVerifiesOnlyTheRightPassword() {
        String hash = hasher.hash("correct horse battery");

        assertThat(hash).startsWith("$argon2id$v=19$m=1024,t=1,p=1$").doesNotContain("correct horse battery");
        assertThat(hasher.verify("correct horse battery", hash)).isTrue();
        assertThat(hasher.verify("correct horse batterY", hash)).isFalse();
        assertThat(hasher.verify("", hash)).isFalse();
        assertThat(hasher.hash("correct horse battery")).as("a new salt each time").isNotEqualTo(hash);
    }

    @Test
    void theSamePasswordInAnotherUnicodeFormVerifies() {
        String composed = "bl\u00e5b\u00e6rgr\u00f8d-123";
        String decomposed = "bla\u030ab\u00e6rgr\u00f8d-123";

        assertThat(decomposed).isNotEqualTo(composed);
        assertThat(hasher.verify(decomposed, hasher.hash(composed))).isTrue();
    }

    @Test
    void aHashMadeWithOtherParametersStillVerifiesAndIsDueForRenewal() {
        PasswordHasher stronger = new PasswordHasher(new PasswordHasher.Parameters(2048, 2, 1), new SecureRandom());
        String old = hasher.hash("correct horse battery");

        assertThat(stronger.verify("correct horse battery", old)).isTrue();
        assertThat(stronger.needsRehash(old)).isTrue();
        assertThat(hasher.needsRehash(old)).isFalse();
        assertThat(stronger.needsRehash(stronger.hash("correct horse battery"))).isFalse();
    }

    @Test
    void somethingThatIsNoArgon2idHashVerifiesNothing() {
        assertThat(hasher.verify("secret-password", null)).isFalse();
        assertThat(hasher.verify("secret-password", "secret-password")).isFalse();
        assertThat(hasher.verify("secret-password", "$argon2id$v=19$m=1024,t=1,p=1$broken")).isFalse();
        assertThat(hasher.verify("secret-password", "$2y$10$abcdefghijklmnopqrstuu5xS2A0lO.7yhbm0bWJ4I1RG1P4YwEKq")).isFalse();
        assertThat(hasher.needsRehash("$2y$10$abcdefghijklmnopqrstuu")).isTrue();
    }

    @Test
    void parametersBelowArgon2sMinimumAreRefused() {
        assertThatThrownBy(() -> new PasswordHasher.Parameters(4, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordHasher.Parameters(1024, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
