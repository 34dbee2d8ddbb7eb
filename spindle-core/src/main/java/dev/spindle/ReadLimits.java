package dev.spindle;

import java.io.ObjectInputFilter;
import java.io.Serial;
import java.io.Serializable;

/**
 * What a read of one value from another process may cost: every message a {@link
 * dev.spindle.multiprocessing.Connection} receives and every task, argument and result a pool's
 * worker or parent decodes runs under these limits, so bytes from a broken or hostile peer cannot
 * allocate without bound, recurse without bound or instantiate classes outside a policy. A read
 * that breaks a limit throws {@link SerializationException} naming the limit; the reader, and the
 * connection, go on with the next message.
 *
 * <p>The defaults come from system properties read once: {@code spindle.read.maxBytes} (default
 * 64 MiB), {@code spindle.read.maxDepth} (default 1000) and {@code spindle.read.classes} (a
 * {@link ObjectInputFilter.Config#createFilter pattern} such as
 * {@code "com.example.**;java.base/*;!*"}; default none). A JVM-wide {@code jdk.serialFilter}
 * applies in addition.
 *
 * @param maxBytes    the largest message, in bytes
 * @param maxDepth    the deepest nesting of objects in one value
 * @param classFilter a serial filter pattern that classes in a value must pass, or null for any class
 */
public record ReadLimits(int maxBytes, int maxDepth, String classFilter) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private static final ReadLimits DEFAULTS = new ReadLimits(
            Integer.getInteger("spindle.read.maxBytes", 64 << 20),
            Integer.getInteger("spindle.read.maxDepth", 1000),
            System.getProperty("spindle.read.classes"));

    /** Checks the limits; a class filter must be a valid pattern. */
    public ReadLimits {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1: " + maxBytes);
        }
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be at least 1: " + maxDepth);
        }
        if (classFilter != null) {
            ObjectInputFilter.Config.createFilter(classFilter); // throws IllegalArgumentException if malformed
        }
    }

    /** The limits that apply where none were set. */
    public static ReadLimits defaults() {
        return DEFAULTS;
    }

    /** These limits with {@code maxBytes} as the largest message. */
    public ReadLimits withMaxBytes(int maxBytes) {
        return new ReadLimits(maxBytes, maxDepth, classFilter);
    }

    /** These limits with {@code maxDepth} as the deepest nesting. */
    public ReadLimits withMaxDepth(int maxDepth) {
        return new ReadLimits(maxBytes, maxDepth, classFilter);
    }

    /** These limits with {@code pattern} as the class policy (null: any class). */
    public ReadLimits withClassFilter(String pattern) {
        return new ReadLimits(maxBytes, maxDepth, pattern);
    }
}
