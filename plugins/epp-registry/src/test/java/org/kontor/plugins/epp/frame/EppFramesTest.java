package org.kontor.plugins.epp.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EppFramesTest {

    private final EppFrames frames = EppFrames.withDefaultLimit();

    @Test
    void writesTheTotalLengthBigEndianBeforeThePayload() throws Exception {
        byte[] payload = "<epp/>".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        frames.write(out, payload);

        byte[] written = out.toByteArray();
        assertThat(Arrays.copyOf(written, 4)).containsExactly(0, 0, 0, 10);
        assertThat(Arrays.copyOfRange(written, 4, written.length)).isEqualTo(payload);
    }

    @Test
    void writesAFrameInOneWriteSoThatTlsSendsItAsOneRecord() throws Exception {
        java.util.List<Integer> writes = new java.util.ArrayList<>();
        java.io.OutputStream out = new java.io.OutputStream() {
            @Override
            public void write(int b) {
                writes.add(1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                writes.add(len);
            }
        };

        frames.write(out, "<epp><hello/></epp>".getBytes(StandardCharsets.UTF_8));

        assertThat(writes).containsExactly(4 + 19);
    }

    @Test
    void roundTripsSeveralFramesOnOneStream() throws Exception {
        byte[] first = "<epp><hello/></epp>".getBytes(StandardCharsets.UTF_8);
        byte[] second = "<epp>København æøå</epp>".getBytes(StandardCharsets.UTF_8);
        byte[] large = ("<epp>" + "x".repeat(70_000) + "</epp>").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frames.write(out, first);
        frames.write(out, second);
        frames.write(out, large);

        ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());

        assertThat(frames.read(in)).isEqualTo(first);
        assertThat(new String(frames.read(in), StandardCharsets.UTF_8)).isEqualTo("<epp>København æøå</epp>");
        assertThat(frames.read(in)).isEqualTo(large);
        assertThatThrownBy(() -> frames.read(in)).isExactlyInstanceOf(EOFException.class);
    }

    @Test
    void readsAFrameOfExactlyTheMaximum() throws Exception {
        EppFrames small = new EppFrames(100);
        byte[] payload = new byte[96];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        small.write(out, payload);

        assertThat(small.read(new ByteArrayInputStream(out.toByteArray()))).hasSize(96);
    }

    @Test
    void refusesLengthsThatDoNotExceedTheHeader() {
        for (int length : new int[] {0, 1, 4}) {
            assertThatThrownBy(() -> frames.read(new ByteArrayInputStream(frame(length, new byte[0]))))
                    .isInstanceOf(EppFrameException.class)
                    .hasMessageContaining("length " + length + " is too small");
        }
        assertThatThrownBy(() -> frames.write(new ByteArrayOutputStream(), new byte[0]))
                .isInstanceOf(EppFrameException.class);
    }

    @Test
    void refusesFramesAboveTheMaximumWithoutReadingThem() {
        int tooLong = 256 * 1024 + 1;

        assertThatThrownBy(() -> frames.read(new ByteArrayInputStream(frame(tooLong, new byte[0]))))
                .isInstanceOf(EppFrameException.class)
                .hasMessageContaining("262145 exceeds the maximum of 262144 bytes");
        assertThatThrownBy(() -> frames.read(new ByteArrayInputStream(new byte[] {(byte) 0xFF, 0, 0, 0})))
                .isInstanceOf(EppFrameException.class)
                .hasMessageContaining("4278190080 exceeds the maximum");
    }

    @Test
    void refusesToWriteAFrameAboveTheMaximum() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> new EppFrames(100).write(out, new byte[97]))
                .isInstanceOf(EppFrameException.class)
                .hasMessageContaining("101 exceeds the maximum of 100 bytes");
        assertThat(out.size()).isZero();
    }

    @Test
    void anEndOfStreamInsideTheHeaderIsAnError() {
        assertThatThrownBy(() -> frames.read(new ByteArrayInputStream(new byte[] {0, 0})))
                .isInstanceOf(EppFrameException.class)
                .hasMessageContaining("ended inside the length header");
    }

    @Test
    void anEndOfStreamInsideThePayloadIsAnError() {
        byte[] truncated = frame(20, "<epp/>".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> frames.read(new ByteArrayInputStream(truncated)))
                .isInstanceOf(EppFrameException.class)
                .hasMessageContaining("got 6 of 16 bytes");
    }

    @Test
    void theMaximumMustLeaveRoomForAPayload() {
        assertThatThrownBy(() -> new EppFrames(4)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A header announcing {@code length} followed by whatever payload bytes are given. */
    private static byte[] frame(long length, byte[] payload) {
        byte[] bytes = new byte[4 + payload.length];
        bytes[0] = (byte) (length >>> 24);
        bytes[1] = (byte) (length >>> 16);
        bytes[2] = (byte) (length >>> 8);
        bytes[3] = (byte) length;
        System.arraycopy(payload, 0, bytes, 4, payload.length);
        return bytes;
    }
}
