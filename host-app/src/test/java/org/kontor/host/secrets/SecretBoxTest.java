package org.kontor.host.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

    private final SecureRandom random = new SecureRandom();
    private final SecretBox box = SecretBox.withKey(SecretBox.newKey(random));

    @Test
    void opensWhatItSealed() {
        String sealed = box.seal("s3cret-api-key æøå");
        assertThat(sealed).startsWith("v1:").doesNotContain("s3cret");
        assertThat(box.open(sealed)).isEqualTo("s3cret-api-key æøå");
    }

    @Test
    void usesAFreshNonceEachTime() {
        assertThat(box.seal("same")).isNotEqualTo(box.seal("same"));
    }

    @Test
    void refusesAlteredText() {
        String sealed = box.seal("password");
        byte[] data = Base64.getDecoder().decode(sealed.substring(3));
        data[data.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(data);
        assertThatThrownBy(() -> box.open(tampered))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("altered");
    }

    @Test
    void refusesTextThatIsNotSealed() {
        assertThatThrownBy(() -> box.open("plain")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a sealed secret");
        assertThatThrownBy(() -> box.open("v1:***")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> box.open("v1:AAAA")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too short");
    }

    @Test
    void refusesTextSealedWithAnotherKey() {
        SecretBox other = SecretBox.withKey(SecretBox.newKey(random));
        assertThatThrownBy(() -> other.open(box.seal("password")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another master key");
    }

    @Test
    void opensOldVersionsAfterRotationAndBindsTheVersion() {
        byte[] oldKey = SecretBox.newKey(random);
        byte[] newKey = SecretBox.newKey(random);
        SecretBox before = new SecretBox(1, Map.of(1, oldKey), random);
        SecretBox after = new SecretBox(2, Map.of(1, oldKey, 2, newKey), random);
        String old = before.seal("kept");
        assertThat(after.open(old)).isEqualTo("kept");
        String fresh = after.seal("new");
        assertThat(fresh).startsWith("v2:");
        assertThatThrownBy(() -> after.open("v1:" + fresh.substring(3))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> before.open(fresh)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 2");
    }

    @Test
    void refusesKeysOfTheWrongLength() {
        assertThatThrownBy(() -> SecretBox.withKey(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void createsTheKeyFileOwnerOnlyAndReadsItBack(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("keys/master.key");
        SecretBox first = MasterKeys.open(null, keyFile);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(keyFile).strip())).hasSize(32);
        SecretBox second = MasterKeys.open("", keyFile);
        assertThat(second.open(first.seal("persisted"))).isEqualTo("persisted");
        try (var files = Files.list(keyFile.getParent())) {
            assertThat(files).containsExactly(keyFile);
        }
    }

    @Test
    void prefersAConfiguredKey(@TempDir Path dir) {
        byte[] key = SecretBox.newKey(random);
        SecretBox configured = MasterKeys.open(Base64.getEncoder().encodeToString(key), dir.resolve("unused.key"));
        assertThat(SecretBox.withKey(key).open(configured.seal("x"))).isEqualTo("x");
        assertThat(dir.resolve("unused.key")).doesNotExist();
    }
}
