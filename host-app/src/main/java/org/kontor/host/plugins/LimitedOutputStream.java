package org.kontor.host.plugins;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Passes bytes on until a limit, then fails, so an upload cannot fill the disk. */
final class LimitedOutputStream extends FilterOutputStream {

    /** More bytes came than allowed. */
    static final class LimitExceededException extends IOException {
        private static final long serialVersionUID = 1L;

        LimitExceededException(long limit) {
            super("more than " + limit + " bytes");
        }
    }

    private final long limit;
    private long written;

    LimitedOutputStream(OutputStream out, long limit) {
        super(out);
        this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
        count(1);
        out.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        count(length);
        out.write(bytes, offset, length);
    }

    private void count(int length) throws IOException {
        written += length;
        if (written > limit) {
            throw new LimitExceededException(limit);
        }
    }
}
