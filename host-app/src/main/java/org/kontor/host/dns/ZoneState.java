package org.kontor.host.dns;

/** Where a zone's last change stands at its DNS provider. */
public enum ZoneState {
    /** Changed since the provider last took it; published after the change and by the publishing job. */
    CHANGED,
    /** The provider serves the zone as it is. */
    PUBLISHED,
    /** The provider refused it; the error says why, the job tries again. */
    FAILED
}
