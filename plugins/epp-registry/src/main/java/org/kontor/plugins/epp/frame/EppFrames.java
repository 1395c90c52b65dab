package org.kontor.plugins.epp.frame;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * EPP over TCP framing (RFC 5734 §4): every data unit is preceded by a 4-byte big-endian length that counts
 * the header itself, followed by the UTF-8 XML instance.
 *
 * <p>Frames larger than {@link #maxFrameBytes()} are refused in both directions: a registry may end the
 * session on an oversized frame (the .dk registry does so above 256 KiB), and a client must not allocate
 * whatever a broken peer announces.
 */
public final class EppFrames {

    /** The size of the length header. */
    public static final int HEADER_BYTES = 4;

    /** The .dk registry's limit: it ends the session on frames over 256 KiB. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 256 * 1024;

    private final int maxFrameBytes;

    /**
     * @param maxFrameBytes the largest frame, header included, that is read or written
     */
    public EppFrames(int maxFrameBytes) {
        if (maxFrameBytes <= HEADER_BYTES) {
            throw new IllegalArgumentException("the maximum frame size must exceed the header: " + maxFrameBytes);
        }
        this.maxFrameBytes = maxFrameBytes;
    }

    /** Framing with the {@link #DEFAULT_MAX_FRAME_BYTES default limit}. */
    public static EppFrames withDefaultLimit() {
        return new EppFrames(DEFAULT_MAX_FRAME_BYTES);
    }

    public int maxFrameBytes() {
        return maxFrameBytes;
    }

    /**
     * Reads one frame and returns its XML payload.
     *
     * @throws EOFException if the stream ends cleanly before a new frame starts
     * @throws EppFrameException if the length is out of bounds or the stream ends inside the frame
     */
    public byte[] read(InputStream in) throws IOException {
        int first = in.read();
        if (first < 0) {
            throw new EOFException("the stream ended before a frame");
        }
        byte[] rest = readFully(in, HEADER_BYTES - 1, "length header");
        long total = ((long) first << 24) | ((rest[0] & 0xFFL) << 16) | ((rest[1] & 0xFFL) << 8) | (rest[2] & 0xFFL);
        checkLength(total);
        return readFully(in, (int) total - HEADER_BYTES, "frame of " + total + " bytes");
    }

    /**
     * Writes the payload as one frame and flushes the stream. Header and payload go out in one write: on a TLS
     * socket two writes are two records, and Nagle's algorithm holds the second until the peer's delayed
     * acknowledgement of the first, which added about 40 ms to every round trip on loopback.
     */
    public void write(OutputStream out, byte[] payload) throws IOException {
        long total = (long) payload.length + HEADER_BYTES;
        checkLength(total);
        int length = (int) total;
        byte[] frame = new byte[length];
        frame[0] = (byte) (length >>> 24);
        frame[1] = (byte) (length >>> 16);
        frame[2] = (byte) (length >>> 8);
        frame[3] = (byte) length;
        System.arraycopy(payload, 0, frame, HEADER_BYTES, payload.length);
        out.write(frame);
        out.flush();
    }

    private void checkLength(long total) throws EppFrameException {
        if (total <= HEADER_BYTES) {
            throw new EppFrameException("EPP frame length " + total + " is too small: it must exceed the "
                    + HEADER_BYTES + "-byte header");
        }
        if (total > maxFrameBytes) {
            throw new EppFrameException("EPP frame length " + total + " exceeds the maximum of "
                    + maxFrameBytes + " bytes");
        }
    }

    private static byte[] readFully(InputStream in, int length, String what) throws IOException {
        byte[] buffer = in.readNBytes(length);
        if (buffer.length < length) {
            throw new EppFrameException("the stream ended inside the " + what + ": got " + buffer.length
                    + " of " + length + " bytes");
        }
        return buffer;
    }
}
