package org.kontor.host.security.totp;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;

/**
 * What a staff member scans to enrol an authenticator app: a random 160-bit secret, its {@code otpauth://} URI
 * (Google Authenticator's key URI format) and that URI as a QR code in SVG, which needs no inline script or style.
 *
 * @param secret the secret to store (sealed) and to check codes with
 */
public record TotpEnrolment(byte[] secret, String otpauthUri) {

    public static TotpEnrolment create(SecureRandom random, Totp totp, String issuer, String account) {
        byte[] secret = new byte[20];
        random.nextBytes(secret);
        return new TotpEnrolment(secret, uri(totp, issuer, account, secret));
    }

    /** {@code otpauth://totp/Issuer:account?secret=…&issuer=…&algorithm=SHA1&digits=6&period=30}. */
    public static String uri(Totp totp, String issuer, String account, byte[] secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + Base32.encode(secret) + "&issuer=" + encode(issuer)
                + "&algorithm=" + totp.algorithm().substring("Hmac".length()) + "&digits=" + totp.digits()
                + "&period=" + totp.step().toSeconds();
    }

    /** The secret as people type it when they cannot scan. */
    public String secretText() {
        return Base32.encode(secret);
    }

    /** The URI as a QR code: an SVG document of black squares on white. */
    public String qrSvg() {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(otpauthUri, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            StringBuilder path = new StringBuilder();
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    if (matrix.get(x, y)) {
                        path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                    }
                }
            }
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + matrix.getWidth() + " " + matrix.getHeight()
                    + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\""
                    + path + "\"/></svg>";
        } catch (WriterException e) {
            throw new IllegalArgumentException("the URI does not fit a QR code", e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
