package org.kontor.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time used by this JVM and by the local PostgreSQL processes, read from {@code /proc} (Linux only;
 * zero elsewhere). PostgreSQL's share counts every postgres process on the machine, so other clients of the
 * same server inflate it; a process that ends between two readings takes its time since the first with it.
 */
final class CpuTime {

    private static final long TICK_NANOS = 10_000_000L; // USER_HZ = 100 on Linux

    private final long jvmTicks;
    private final Map<String, Long> postgresTicks;

    private CpuTime(long jvmTicks, Map<String, Long> postgresTicks) {
        this.jvmTicks = jvmTicks;
        this.postgresTicks = postgresTicks;
    }

    static CpuTime now() {
        Map<String, Long> postgres = new HashMap<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try {
                    if ("postgres".equals(Files.readString(process.resolve("comm")).strip())) {
                        postgres.put(process.getFileName().toString(), ticks(process.resolve("stat")));
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended while being read
                }
            }
        } catch (IOException e) {
            // no /proc: nothing to count
        }
        return new CpuTime(ticks(Path.of("/proc/self/stat")), postgres);
    }

    /** The CPU used from {@code earlier} to this reading. */
    Used since(CpuTime earlier) {
        long postgres = 0;
        for (Map.Entry<String, Long> process : postgresTicks.entrySet()) {
            postgres += process.getValue() - earlier.postgresTicks.getOrDefault(process.getKey(), 0L);
        }
        return new Used((jvmTicks - earlier.jvmTicks) * TICK_NANOS, postgres * TICK_NANOS);
    }

    /** CPU nanoseconds of this JVM and of the PostgreSQL processes. */
    record Used(long jvmNanos, long postgresNanos) {

        Used plus(Used other) {
            return other == null ? this : new Used(jvmNanos + other.jvmNanos, postgresNanos + other.postgresNanos);
        }
    }

    /** utime + stime of a /proc/…/stat line (fields 14 and 15, counted after the command's closing paren). */
    private static long ticks(Path stat) {
        try {
            String line = Files.readString(stat);
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
