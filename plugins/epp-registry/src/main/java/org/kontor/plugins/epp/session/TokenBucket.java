package org.kontor.plugins.epp.session;

import java.util.function.LongSupplier;

/**
 * Limits commands per second on one endpoint (registries penalise or disconnect clients that send too fast).
 * Holds up to {@code burst} tokens and refills {@code permitsPerSecond}; a caller without a token waits.
 */
public final class TokenBucket {

    private final double nanosPerToken;
    private final double capacity;
    private final LongSupplier nanoTime;
    private double tokens;
    private long lastRefill;

    /**
     * @param nanoTime a monotonic clock in nanoseconds, {@code System::nanoTime} outside tests
     */
    public TokenBucket(double permitsPerSecond, int burst, LongSupplier nanoTime) {
        if (!(permitsPerSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("rate and burst must be positive");
        }
        this.nanosPerToken = 1_000_000_000d / permitsPerSecond;
        this.capacity = burst;
        this.nanoTime = nanoTime;
        this.tokens = burst;
        this.lastRefill = nanoTime.getAsLong();
    }

    /**
     * Takes a token, possibly one that only becomes available later, and returns how many nanoseconds the
     * caller must wait before using it (0 when one was there).
     */
    public synchronized long reserve() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + (now - lastRefill) / nanosPerToken);
        lastRefill = now;
        tokens -= 1;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens * nanosPerToken);
    }

    /** Takes a token, waiting for it when the bucket is empty. */
    public void acquire() throws InterruptedException {
        long wait = reserve();
        if (wait > 0) {
            java.util.concurrent.TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
