package org.kontor.host.security.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 6238's test vectors, the drift window, base32, the enrolment URI and recovery codes. */
class TotpTest {

    private static final byte[] SHA1_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_KEY = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_KEY = ("1234567890".repeat(6) + "1234").getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({
            "59, 94287082, 46119246, 90693936",
            "1111111109, 07081804, 68084774, 25091201",
            "1111111111, 14050471, 67062674, 99943326",
            "1234567890, 89005924, 91819424, 93441116",
            "2000000000, 69279037, 90698825, 38618901",
            "20000000000, 65353130, 77737706, 47863826"})
    void rfc6238TestVectors(long seconds, String sha1, String sha256, String sha512) {
        Instant at = Instant.ofEpochSecond(seconds);
        Totp one = new Totp("HmacSHA1", 8, Duration.ofSeconds(30));
        Totp two = new Totp("HmacSHA256", 8, Duration.ofSeconds(30));
        Totp five = new Totp("HmacSHA512", 8, Duration.ofSeconds(30));

        assertThat(one.code(SHA1_KEY, one.stepAt(at))).isEqualTo(sha1);
        assertThat(two.code(SHA256_KEY, two.stepAt(at))).isEqualTo(sha256);
        assertThat(five.code(SHA512_KEY, five.stepAt(at))).isEqualTo(sha512);
    }

    @Test
    void aCodeIsAcceptedOneStepEitherSideAndNoFurther() {
        Totp totp = Totp.standard();
        Instant now = Instant.parse("2030-03-01T10:00:15Z");
        long step = totp.stepAt(now);

        assertThat(totp.verify(SHA1_KEY, totp.code(SHA1_KEY, step), now)).hasValue(step);
        assertThat(totp.verify(SHA1_KEY, totp.code(SHA1_KEY, step - 1), now)).hasValue(step - 1);
        assertThat(totp.verify(SHA1_KEY, totp.code(SHA1_KEY, step + 1), now)).hasValue(step + 1);
        assertThat(totp.verify(SHA1_KEY, totp.code(SHA1_KEY, step - 2), now)).isEmpty();
        assertThat(totp.verify(SHA1_KEY, totp.code(SHA1_KEY, step + 2), now)).isEmpty();
        assertThat(totp.verify(SHA1_KEY, "12345", now)).isEmpty();
        assertThat(totp.verify(SHA1_KEY, "abcdef", now)).isEmpty();
        assertThat(totp.verify(SHA1_KEY, null, now)).isEmpty();
    }

    @Test
    void base32FollowsRfc4648() {
        assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Base32.encode("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
        assertThat(new String(Base32.decode("mzxw 6ytb-oi======"), StandardCharsets.US_ASCII)).isEqualTo("foobar");
        assertThatThrownBy(() -> Base32.decode("MZ1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEnrolmentNamesIssuerAccountAndParametersAndMakesAQrCode() {
        TotpEnrolment enrolment = TotpEnrolment.create(new SecureRandom(), Totp.standard(), "Kontor Demo", "ops@example.dk");

        assertThat(enrolment.secret()).hasSize(20);
        assertThat(enrolment.otpauthUri()).isEqualTo("otpauth://totp/Kontor%20Demo:ops%40example.dk?secret="
                + enrolment.secretText() + "&issuer=Kontor%20Demo&algorithm=SHA1&digits=6&period=30");
        assertThat(Base32.decode(enrolment.secretText())).isEqualTo(enrolment.secret());
        assertThat(enrolment.qrSvg()).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains("h1v1h-1z")
                .doesNotContain("<script", "style=");
    }

    @Test
    void recoveryCodesAreRandomAndOnlyTheirDigestsAreKept() {
        RecoveryCodes.Issued issued = RecoveryCodes.issue(new SecureRandom());

        assertThat(issued.codes()).hasSize(RecoveryCodes.COUNT).allMatch(code -> code.matches("[A-Z2-7]{4}(-[A-Z2-7]{4}){3}"));
        assertThat(new HashSet<>(issued.codes())).hasSize(RecoveryCodes.COUNT);
        String first = issued.codes().get(0);
        assertThat(RecoveryCodes.digest(first.toLowerCase().replace("-", " "))).isEqualTo(issued.digests().get(0));
        assertThat(issued.digests()).noneMatch(digest -> digest.contains(first.replace("-", "")));
        assertThat(RecoveryCodes.digest("AAAA-AAAA-AAAA-AAAA")).isNotIn(issued.digests());
    }
}
