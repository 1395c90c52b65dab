package org.kontor.host.launch;

import java.util.Locale;

/** Why a signed mark data file is refused; {@link #code()} is the stable code ({@code order.error.smd-<code>}). */
public enum SmdRefusal {
    /** No trademark clearinghouse CA is configured, so no file can be trusted. */
    UNAVAILABLE,
    /** Not an SMD file: no encoded signed mark, not base64, not XML. */
    MALFORMED,
    /** The signed mark does not follow the signedMark-1.0 and mark-1.0 schemas. */
    SCHEMA,
    /** The XML signature does not verify or does not cover the whole signed mark: the file was changed. */
    SIGNATURE,
    /** The signing certificate does not chain to the clearinghouse CA. */
    UNTRUSTED,
    /** The signed mark or its certificate has expired. */
    EXPIRED,
    /** The signed mark or its certificate is not valid yet. */
    NOT_YET_VALID,
    /** The signed mark is on the SMD revocation list, or its certificate on the clearinghouse's CRL. */
    REVOKED,
    /** The mark does not cover the label applied for. */
    LABEL_NOT_COVERED;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
