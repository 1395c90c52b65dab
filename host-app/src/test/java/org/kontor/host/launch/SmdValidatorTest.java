package org.kontor.host.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmdValidatorTest {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    private static TestSmds.Issuer ca;
    private static TestSmds.Issuer signer;
    private static TestSmds.Issuer otherCa;

    @TempDir
    Path dir;

    @BeforeAll
    static void clearinghouse() {
        ca = TestSmds.authority("TMCH test CA", NOW.minus(DAY.multipliedBy(400)), NOW.plus(DAY.multipliedBy(3650)));
        signer = TestSmds.signer(ca, "TMCH test signer", NOW.minus(DAY.multipliedBy(300)), NOW.plus(DAY.multipliedBy(1000)));
        otherCa = TestSmds.authority("Another CA", NOW.minus(DAY), NOW.plus(DAY.multipliedBy(3650)));
    }

    private static TestSmds.Smd kontor() {
        return TestSmds.smd("Kontor", NOW.minus(DAY.multipliedBy(10)), NOW.plus(DAY.multipliedBy(300)),
                "kontor", "kontor-demo");
    }

    private static SmdValidator validator() {
        return new SmdValidator(new TmchTrust(List.of(ca.certificate()), Optional.empty(), Optional.empty()));
    }

    private static SmdRefusedException refused(SmdValidator validator, String file, String label, Instant now) {
        SmdRefusedException e = catchThrowableOfType(() -> validator.validate(file, label, now),
                SmdRefusedException.class);
        assertThat(e).as("the file is refused").isNotNull();
        return e;
    }

    @Test
    void anSmdSignedByTheClearinghouseIsAcceptedForALabelItCovers() {
        String file = kontor().file(signer);

        ValidatedSmd smd = validator().validate(file, "kontor-demo", NOW);

        assertThat(smd.smdId()).isEqualTo("0000001761385117375880-65535");
        assertThat(smd.markName()).isEqualTo("Kontor");
        assertThat(smd.labels()).containsExactly("kontor", "kontor-demo");
        assertThat(smd.notAfter()).isEqualTo(NOW.plus(DAY.multipliedBy(300)));
        assertThat(smd.encodedSignedMark()).doesNotContain("\n").isEqualTo(SmdFile.parse(file).encodedSignedMark());
        assertThat(new String(java.util.Base64.getDecoder().decode(smd.encodedSignedMark()), StandardCharsets.UTF_8))
                .contains("<smd:signedMark", "<ds:SignatureValue>");
        assertThat(validator().validate(file, "KONTOR", NOW).smdId()).as("labels compare case-blind").isNotEmpty();
        assertThat(validator().validate(SmdFile.parse(file).encodedSignedMark(), "kontor", NOW).smdId())
                .as("the bare base64 of the signed mark").isNotEmpty();
    }

    @Test
    void withoutAConfiguredCaEveryFileIsRefusedAsUnavailable() {
        SmdValidator none = new SmdValidator(TmchTrust.load(Optional.empty(), Optional.empty(), Optional.empty()));

        assertThat(refused(none, kontor().file(signer), "kontor", NOW).reason()).isEqualTo(SmdRefusal.UNAVAILABLE);
    }

    @Test
    void aFileThatIsNoSmdIsMalformed() {
        assertThat(refused(validator(), "", "kontor", NOW).reason()).isEqualTo(SmdRefusal.MALFORMED);
        assertThat(refused(validator(), "Marks: Kontor\n-----BEGIN ENCODED SMD-----\nnot base64!\n-----END ENCODED SMD-----",
                "kontor", NOW).reason()).isEqualTo(SmdRefusal.MALFORMED);
        assertThat(refused(validator(), "-----BEGIN ENCODED SMD-----\nPGE+", "kontor", NOW).reason())
                .as("no END line").isEqualTo(SmdRefusal.MALFORMED);
        String notXml = java.util.Base64.getEncoder().encodeToString("just text".getBytes(StandardCharsets.UTF_8));
        assertThat(refused(validator(), notXml, "kontor", NOW).reason()).isEqualTo(SmdRefusal.MALFORMED);
    }

    @Test
    void aDoctypeIsRefusedBeforeAnyEntityIsRead() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "SECRET");
        String file = TestSmds.tamper(kontor().file(signer), xml -> xml.replaceFirst("<smd:signedMark",
                "<!DOCTYPE smd:signedMark [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n<smd:signedMark")
                .replace("<mark:markName>Kontor", "<mark:markName>&x;"));

        SmdRefusedException e = refused(validator(), file, "kontor", NOW);

        assertThat(e.reason()).isEqualTo(SmdRefusal.MALFORMED);
        assertThat(e.getMessage()).containsIgnoringCase("DOCTYPE").doesNotContain("SECRET");
    }

    @Test
    void aSignedMarkThatBreaksTheSchemaIsRefused() {
        String extraElement = kontor().withExtra("<mark:unknown>x</mark:unknown>").file(signer);
        String notASignedMark = TestSmds.tamper(kontor().file(signer), xml -> xml.replace("smd:signedMark", "smd:other"));
        String badId = kontor().withId("not-an-id").file(signer);

        assertThat(refused(validator(), extraElement, "kontor", NOW).reason()).isEqualTo(SmdRefusal.SCHEMA);
        assertThat(refused(validator(), notASignedMark, "kontor", NOW).reason()).isEqualTo(SmdRefusal.SCHEMA);
        assertThat(refused(validator(), badId, "kontor", NOW).reason()).isEqualTo(SmdRefusal.SCHEMA);
    }

    @Test
    void aChangedSignedMarkFailsItsSignature() {
        String file = kontor().file(signer);
        String addedLabel = TestSmds.tamper(file, xml -> xml.replace("<mark:label>kontor</mark:label>",
                "<mark:label>kontor</mark:label><mark:label>google</mark:label>"));
        String laterExpiry = TestSmds.tamper(file, xml -> xml.replace(NOW.plus(DAY.multipliedBy(300)).toString(),
                NOW.plus(DAY.multipliedBy(3000)).toString()));
        String badSignatureValue = TestSmds.tamper(file, xml -> xml.replaceFirst("<ds:SignatureValue>.",
                "<ds:SignatureValue>" + (xml.contains("<ds:SignatureValue>A") ? "B" : "A")));

        assertThat(refused(validator(), addedLabel, "google", NOW).reason()).isEqualTo(SmdRefusal.SIGNATURE);
        assertThat(refused(validator(), laterExpiry, "kontor", NOW).reason()).isEqualTo(SmdRefusal.SIGNATURE);
        assertThat(refused(validator(), badSignatureValue, "kontor", NOW).reason()).isEqualTo(SmdRefusal.SIGNATURE);
    }

    @Test
    void aSignatureOverOnlyPartOfTheSignedMarkIsRefused() {
        String file = kontor().file(signer);
        String id = "_0000001761385117375880_65535";
        // the reference names another element: whatever lies outside it would be unsigned
        String otherReference = TestSmds.tamper(file, xml -> xml.replace("URI=\"#" + id + "\"", "URI=\"#elsewhere\""));

        assertThat(refused(validator(), otherReference, "kontor", NOW).reason()).isEqualTo(SmdRefusal.SIGNATURE);
    }

    @Test
    void aFileSignedByACertificateOfAnotherCaIsUntrusted() {
        TestSmds.Issuer stranger = TestSmds.signer(otherCa, "Not the clearinghouse", NOW.minus(DAY), NOW.plus(DAY.multipliedBy(365)));
        TestSmds.Issuer selfSigned = TestSmds.authority("Self-signed", NOW.minus(DAY), NOW.plus(DAY.multipliedBy(365)));

        assertThat(refused(validator(), kontor().file(stranger), "kontor", NOW).reason()).isEqualTo(SmdRefusal.UNTRUSTED);
        assertThat(refused(validator(), kontor().file(selfSigned), "kontor", NOW).reason()).isEqualTo(SmdRefusal.UNTRUSTED);
        assertThat(refused(validator(), kontor().file(ca), "kontor", NOW).reason())
                .as("signed by the CA's key itself, not by a signing certificate").isEqualTo(SmdRefusal.UNTRUSTED);
    }

    @Test
    void anExpiredSignedMarkOrCertificateIsRefused() {
        TestSmds.Smd past = TestSmds.smd("Kontor", NOW.minus(DAY.multipliedBy(100)), NOW.minus(DAY), "kontor");
        TestSmds.Issuer expiredSigner = TestSmds.signer(ca, "Old signer", NOW.minus(DAY.multipliedBy(300)), NOW.minus(DAY));

        SmdRefusedException markExpired = refused(validator(), past.file(signer), "kontor", NOW);
        assertThat(markExpired.reason()).isEqualTo(SmdRefusal.EXPIRED);
        assertThat(markExpired.args()).containsExactly(NOW.minus(DAY).toString());
        assertThat(refused(validator(), kontor().file(expiredSigner), "kontor", NOW).reason()).isEqualTo(SmdRefusal.EXPIRED);
        assertThat(refused(validator(), kontor().file(signer), "kontor", NOW.plus(DAY.multipliedBy(300))).reason())
                .as("notAfter is the first instant it is no longer valid").isEqualTo(SmdRefusal.EXPIRED);
    }

    @Test
    void aSignedMarkOrCertificateNotValidYetIsRefused() {
        TestSmds.Smd future = TestSmds.smd("Kontor", NOW.plus(DAY), NOW.plus(DAY.multipliedBy(100)), "kontor");
        TestSmds.Issuer futureSigner = TestSmds.signer(ca, "Next signer", NOW.plus(DAY), NOW.plus(DAY.multipliedBy(300)));

        assertThat(refused(validator(), future.file(signer), "kontor", NOW).reason()).isEqualTo(SmdRefusal.NOT_YET_VALID);
        assertThat(refused(validator(), kontor().file(futureSigner), "kontor", NOW).reason())
                .isEqualTo(SmdRefusal.NOT_YET_VALID);
        assertThat(validator().validate(future.file(signer), "kontor", NOW.plus(DAY)).smdId()).isNotEmpty();
    }

    @Test
    void aSignedMarkOnTheRevocationListOrSignedByARevokedCertificateIsRefused() throws Exception {
        String file = kontor().file(signer);
        Path list = Files.writeString(dir.resolve("smdrl.csv"), "1,2026-04-30T00:00:00.0Z\nsmd-id,insertion-datetime\n"
                + "0000001761385117375880-65535,2026-04-25T10:00:00.0Z\n0000009-65535,2026-01-01T00:00:00.0Z\n");
        SmdValidator withList = new SmdValidator(new TmchTrust(List.of(ca.certificate()), Optional.empty(), Optional.of(list)));

        assertThat(refused(withList, file, "kontor", NOW).reason()).isEqualTo(SmdRefusal.REVOKED);
        assertThat(withList.validate(file, "kontor", Instant.parse("2026-04-25T09:00:00Z")).smdId())
                .as("not revoked before its insertion time").isNotEmpty();
        assertThat(withList.validate(kontor().withId("1-2").file(signer), "kontor", NOW).smdId()).isEqualTo("1-2");

        TestSmds.Issuer revokedSigner = TestSmds.signer(ca, "Revoked signer", NOW.minus(DAY), NOW.plus(DAY.multipliedBy(300)));
        X509CRL crl = TestSmds.crl(ca, NOW, revokedSigner.certificate());
        Path crlFile = Files.write(dir.resolve("tmch.crl"), crl.getEncoded());
        SmdValidator withCrl = new SmdValidator(new TmchTrust(List.of(ca.certificate()), Optional.of(crlFile), Optional.empty()));

        assertThat(refused(withCrl, kontor().file(revokedSigner), "kontor", NOW).reason()).isEqualTo(SmdRefusal.REVOKED);
        assertThat(withCrl.validate(file, "kontor", NOW).smdId()).as("the CRL does not name this signer").isNotEmpty();
    }

    @Test
    void aLabelTheMarkDoesNotCoverIsRefused() {
        String file = kontor().file(signer);

        SmdRefusedException e = refused(validator(), file, "kontor-shop", NOW);

        assertThat(e.reason()).isEqualTo(SmdRefusal.LABEL_NOT_COVERED);
        assertThat(e.args()).containsExactly("kontor-shop");
        assertThat(e.reason().code()).isEqualTo("label-not-covered");
    }

    @Test
    void theUnsignedHeaderDoesNotWidenWhatTheMarkCovers() {
        String file = kontor().file(signer).replace("U-labels: kontor, kontor-demo", "U-labels: kontor, kontor-demo, google");

        assertThat(refused(validator(), file, "google", NOW).reason()).isEqualTo(SmdRefusal.LABEL_NOT_COVERED);
    }

    @Test
    void labelsInTheUnsignedPartOfTheSignatureDoNotCount() {
        // a ds:Object in the signature may hold any element and the enveloped transform leaves it unsigned
        String file = TestSmds.tamper(kontor().file(signer), xml -> xml.replace("</ds:Signature>",
                "<ds:Object><mark:label xmlns:mark=\"urn:ietf:params:xml:ns:mark-1.0\">google</mark:label></ds:Object>"
                        + "</ds:Signature>"));

        assertThat(validator().validate(file, "kontor", NOW).labels()).as("the signature still verifies")
                .containsExactly("kontor", "kontor-demo");
        assertThat(refused(validator(), file, "google", NOW).reason()).isEqualTo(SmdRefusal.LABEL_NOT_COVERED);
    }

    @Test
    void theCaFileIsReadFromPem() throws Exception {
        Path pem = Files.writeString(dir.resolve("tmch.pem"), "TMCH CA\n" + TestSmds.pem(ca.certificate()));
        Path empty = Files.writeString(dir.resolve("empty.pem"), "nothing");

        TmchTrust trust = TmchTrust.load(Optional.of(pem), Optional.empty(), Optional.empty());

        assertThat(new SmdValidator(trust).validate(kontor().file(signer), "kontor", NOW).smdId()).isNotEmpty();
        assertThat(catchThrowableOfType(() -> TmchTrust.load(Optional.of(empty), Optional.empty(), Optional.empty()),
                IllegalStateException.class)).hasMessageContaining("launch.tmch-ca");
    }
}
