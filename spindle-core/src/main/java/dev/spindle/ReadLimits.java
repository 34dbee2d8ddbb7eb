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
 * <p>Whatever the limits, a read allocates no more than its bytes justify: an array's elements
 * must fit, at their size, in what is left of the message, and all the arrays of one message in
 * the message; and the work is bounded: collections nested deeper than {@code maxHashNesting}
 * inside a map or set are refused before they are built, since rebuilding a hashed collection
 * hashes all its keys hold, which costs time exponential in their nesting when they share parts
 * (a few kilobytes of nested {@code HashSet}s can keep a reader busy for ever). Collections
 * nested under no map or set are only read, and are bounded by {@code maxDepth}.
 *
 * <p><b>Which classes.</b> Between processes of one program (pipes, queues, pools, child
 * processes) any class on the program's class path may arrive by default, as in Python's
 * {@code multiprocessing}: the peers run the same code. For bytes from outside the program,
 * {@link #valuesOnly()} admits only JDK value types, collections, lambdas and Spindle's own forms,
 * plus what you allow ({@link #allowing}); a class outside the policy is refused before its
 * {@code readObject} runs.
 *
 * <p>The defaults come from system properties read once: {@code spindle.read.maxBytes} (default
 * 64 MiB), {@code spindle.read.maxDepth} (default 1000), {@code spindle.read.maxHashNesting}
 * (default 16) and {@code spindle.read.classes} (a
 * {@link ObjectInputFilter.Config#createFilter pattern} such as
 * {@code "com.example.**;java.base/*;!*"}; default none). A JVM-wide {@code jdk.serialFilter}
 * applies in addition.
 *
 * @param maxBytes       the largest message, in bytes
 * @param maxDepth       the deepest nesting of objects in one value
 * @param maxHashNesting the deepest nesting of collections inside a map or set in one value
 * @param classFilter    a serial filter pattern that classes in a value must pass, or null for any class
 */
public record ReadLimits(int maxBytes, int maxDepth, int maxHashNesting, String classFilter) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private static final ReadLimits DEFAULTS = new ReadLimits(
            Integer.getInteger("spindle.read.maxBytes", 64 << 20),
            Integer.getInteger("spindle.read.maxDepth", 1000),
            Integer.getInteger("spindle.read.maxHashNesting", 16),
            System.getProperty("spindle.read.classes"));

    /** What {@link #valuesOnly()} admits: JDK values and collections, lambdas, Spindle's forms. */
    private static final String VALUES_ONLY = String.join(";",
            "java.lang.*", "java.lang.invoke.SerializedLambda", "java.util.*", "java.util.concurrent.*",
            "java.util.concurrent.atomic.*", "java.time.*", "java.math.*", "java.net.URI", "java.nio.file.Path",
            "dev.spindle.**");

    /** Checks the limits; a class filter must be a valid pattern. */
    public ReadLimits {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1: " + maxBytes);
        }
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be at least 1: " + maxDepth);
        }
        if (maxHashNesting < 1) {
            throw new IllegalArgumentException("maxHashNesting must be at least 1: " + maxHashNesting);
        }
        if (classFilter != null) {
            ObjectInputFilter.Config.createFilter(classFilter); // throws IllegalArgumentException if malformed
        }
    }

    /** The limits that apply where none were set. */
    public static ReadLimits defaults() {
        return DEFAULTS;
    }

    /**
     * The defaults with a class policy for bytes from outside this program: JDK value types
     * ({@code java.lang}, {@code java.time}, {@code java.math}), the JDK's collections, lambdas,
     * {@code URI}, {@code Path} and Spindle's own forms; nothing else until {@link #allowing}.
     */
    public static ReadLimits valuesOnly() {
        return DEFAULTS.withClassFilter(VALUES_ONLY + ";!*");
    }

    /**
     * These limits admitting the classes of {@code patterns} too (filter patterns such as
     * {@code "com.example.Order"} or {@code "com.example.**"}); with no class policy, as the
     * defaults, they stay open to any class.
     */
    public ReadLimits allowing(String... patterns) {
        if (classFilter == null) {
            return this;
        }
        return withClassFilter(String.join(";", patterns) + ";" + classFilter);
    }

    /** These limits with {@code maxBytes} as the largest message. */
    public ReadLimits withMaxBytes(int maxBytes) {
        return new ReadLimits(maxBytes, maxDepth, maxHashNesting, classFilter);
    }

    /** These limits with {@code maxDepth} as the deepest nesting. */
    public ReadLimits withMaxDepth(int maxDepth) {
        return new ReadLimits(maxBytes, maxDepth, maxHashNesting, classFilter);
    }

    /** These limits with {@code maxHashNesting} as the deepest nesting of collections inside a map or set. */
    public ReadLimits withMaxHashNesting(int maxHashNesting) {
        return new ReadLimits(maxBytes, maxDepth, maxHashNesting, classFilter);
    }

    /** These limits with {@code pattern} as the class policy (null: any class). */
    public ReadLimits withClassFilter(String pattern) {
        return new ReadLimits(maxBytes, maxDepth, maxHashNesting, pattern);
    }
}
