package dev.spindle.examples.queue;

/**
 * Python's {@code None} as the seeds put it in a queue to say "no more": a queue, like every Java
 * {@link java.util.concurrent.BlockingQueue}, refuses null.
 */
public enum Sentinel {
    NONE
}
