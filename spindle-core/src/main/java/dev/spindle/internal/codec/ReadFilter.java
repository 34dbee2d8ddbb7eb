package dev.spindle.internal.codec;

import dev.spindle.ReadLimits;
import dev.spindle.SerializationException;
import java.io.ObjectInputFilter;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link ObjectInputFilter} of one read under {@link ReadLimits}: nesting depth; arrays and
 * references bounded by the message itself (an array's elements take at least their size in the
 * stream — a primitive one exactly its size, an object reference at least a byte — so a longer
 * array is a lie that would allocate from nothing, and all of a message's arrays together fit in
 * it); maps and sets nested in maps and sets no deeper than the limit (their rebuilding hashes
 * each level again: a hash bomb); the limits' class policy; and the JVM-wide serial filter
 * (which a stream-specific filter would otherwise replace). It remembers why it refused, so the
 * error can say so. One filter reads one message, in one thread.
 */
final class ReadFilter implements ObjectInputFilter {
    private static final Map<String, ObjectInputFilter> PATTERNS = new ConcurrentHashMap<>();

    private final ReadLimits limits;
    private final long messageLength;
    private final ObjectInputFilter classes;
    private String refusal;
    /** Bytes the message's arrays take so far, at their element size (object references: one each). */
    private long arrayBytes;
    /**
     * The collections enclosing the object being read, outermost first: the stream depth each
     * begins at, negated for a hashed one (a map or set, whose reading hashes its keys).
     */
    private final ArrayDeque<Long> enclosing = new ArrayDeque<>();

    ReadFilter(ReadLimits limits, long messageLength) {
        this.limits = limits;
        this.messageLength = messageLength;
        this.classes = limits.classFilter() == null ? null
                : PATTERNS.computeIfAbsent(limits.classFilter(), ObjectInputFilter.Config::createFilter);
    }

    @Override
    public Status checkInput(FilterInfo info) {
        if (info.depth() > limits.maxDepth()) {
            return refuse("nesting deeper than maxDepth " + limits.maxDepth());
        }
        if (info.arrayLength() > messageLength || info.references() > messageLength) {
            return refuse("an array of " + info.arrayLength() + " elements in a message of " + messageLength + " bytes");
        }
        Class<?> type = info.serialClass();
        if (info.arrayLength() >= 0 && type != null && type.isArray()) {
            arrayBytes += info.arrayLength() * elementBytes(type.getComponentType());
            if (arrayBytes > messageLength) {
                return refuse("an array of " + info.arrayLength() + " " + type.getComponentType().getName()
                        + " elements: the message's arrays would take " + arrayBytes + " bytes of a message of " + messageLength);
            }
        }
        if (info.depth() > 0 && hashNestingTooDeep(type, info.depth())) {
            return refuse("collections nested more than maxHashNesting " + limits.maxHashNesting()
                    + " deep inside a map or set (rebuilding them would hash each level again: a hash bomb)");
        }
        if (type != null && !allowed(classes, info)) {
            return refuse("class " + type.getName() + " is outside the class filter " + limits.classFilter());
        }
        if (type != null && !allowed(JvmSerialFilter.get(), info)) {
            return refuse("class " + type.getName() + " is refused by the JVM-wide serial filter");
        }
        return Status.UNDECIDED;
    }

    /** The stream size of one element of an array of {@code component}: exact for primitives, a lower bound for references. */
    private static long elementBytes(Class<?> component) {
        if (!component.isPrimitive()) {
            return 1;
        }
        return component == long.class || component == double.class ? 8
                : component == int.class || component == float.class ? 4
                : component == short.class || component == char.class ? 2 : 1;
    }

    /**
     * Seeing anything at stream depth {@code depth}: every collection that began at that depth or
     * deeper has been read whole. A collection checks its storage before reading its elements,
     * every time — the filter sees a class only the first time it meets it — so that check marks
     * one beginning here, around what comes next: a {@code Map.Entry[]} for {@code HashMap},
     * {@code HashSet} and {@code Hashtable} (hashed), an {@code Object[]} for {@code ArrayList}
     * and the like. Hashing a key hashes all it holds, so what counts is the nesting from the
     * outermost hashed collection down (a set of sets, or a set holding nested lists that share
     * their elements): true if that is more than the limit.
     */
    private boolean hashNestingTooDeep(Class<?> type, long depth) {
        while (!enclosing.isEmpty() && Math.abs(enclosing.peekLast()) >= depth) {
            enclosing.pollLast();
        }
        boolean hashed = type == Map.Entry[].class;
        if (!hashed && type != Object[].class) {
            return false;
        }
        enclosing.addLast(hashed ? -depth : depth);
        int nested = 0;
        boolean insideHashed = false;
        for (long at : enclosing) {
            insideHashed |= at < 0;
            if (insideHashed) {
                nested++;
            }
        }
        return nested > limits.maxHashNesting();
    }

    private static boolean allowed(ObjectInputFilter filter, FilterInfo info) {
        return filter == null || filter.checkInput(info) != Status.REJECTED;
    }

    private Status refuse(String why) {
        refusal = why;
        return Status.REJECTED;
    }

    /** Why the filter refused, or null if it did not. */
    String refusal() {
        return refusal;
    }

    /** Checks a class named by the plain-value path (a lambda's capturing class) against the class policies. */
    void checkClass(Class<?> type) {
        FilterInfo info = new FilterInfo() {
            @Override
            public Class<?> serialClass() {
                return type;
            }

            @Override
            public long arrayLength() {
                return -1;
            }

            @Override
            public long depth() {
                return 1;
            }

            @Override
            public long references() {
                return 0;
            }

            @Override
            public long streamBytes() {
                return 0;
            }
        };
        if (checkInput(info) == Status.REJECTED) {
            throw new SerializationException("cannot decode: " + refusal, null);
        }
    }
}
