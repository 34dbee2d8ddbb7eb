package dev.spindle.internal.web;

import dev.spindle.insights.PoolInsights;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The dashboard's latest snapshot, taken by one sampler thread every period and handed to every
 * watching browser. Only the latest is kept: memory stays the same however long it runs and
 * however many tasks ran. A browser that falls behind skips to the latest.
 */
final class SnapshotFeed {
    /** A snapshot and its number; 0 before the first. */
    record Snapshot(long version, String json) {}

    private final Supplier<List<PoolInsights>> source;
    private final long periodNanos;
    private final Thread sampler;
    /** Guarded by this. */
    private Snapshot latest = new Snapshot(0, "");
    private boolean closed;

    SnapshotFeed(Supplier<List<PoolInsights>> source, long periodMillis) {
        this.source = source;
        this.periodNanos = TimeUnit.MILLISECONDS.toNanos(periodMillis);
        sample();
        this.sampler = Thread.ofPlatform().daemon().name("spindle-dashboard-sampler").start(this::run);
    }

    private void run() {
        while (!isClosed()) {
            LockSupport.parkNanos(this, periodNanos);
            if (!isClosed()) {
                sample();
            }
        }
    }

    private void sample() {
        String json;
        try {
            json = InsightsJson.of(source.get(), System.currentTimeMillis());
        } catch (RuntimeException e) {
            // A source that cannot be read now (a cluster's Redis down) shows as that, and is tried again.
            json = new Json().beginObject().field("at", System.currentTimeMillis()).key("pools").beginArray().endArray()
                    .field("error", String.valueOf(e.getMessage())).endObject().toString();
        }
        synchronized (this) {
            latest = new Snapshot(latest.version() + 1, json);
            notifyAll();
        }
    }

    /** The latest snapshot. */
    synchronized Snapshot latest() {
        return latest;
    }

    /** Waits for a snapshot newer than {@code version}; null once the feed is closed. */
    synchronized Snapshot after(long version) throws InterruptedException {
        while (!closed && latest.version() <= version) {
            wait();
        }
        return closed ? null : latest;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Stops sampling and releases every waiting browser. */
    void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        LockSupport.unpark(sampler);
    }
}
