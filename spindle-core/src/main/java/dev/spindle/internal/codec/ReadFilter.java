package dev.spindle.internal.codec;

import dev.spindle.ReadLimits;
import dev.spindle.SerializationException;
import java.io.ObjectInputFilter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link ObjectInputFilter} of one read under {@link ReadLimits}: nesting depth, array
 * lengths and references bounded by the message itself (every element takes at least a byte, so
 * a longer array is a lie that would allocate from nothing), the limits' class policy, and the
 * JVM-wide serial filter (which a stream-specific filter would otherwise replace). It remembers
 * why it refused, so the error can say so.
 */
final class ReadFilter implements ObjectInputFilter {
    private static final Map<String, ObjectInputFilter> PATTERNS = new ConcurrentHashMap<>();

    private final ReadLimits limits;
    private final long messageLength;
    private final ObjectInputFilter classes;
    private String refusal;

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
        if (type != null && !allowed(classes, info)) {
            return refuse("class " + type.getName() + " is outside the class filter " + limits.classFilter());
        }
        if (type != null && !allowed(ObjectInputFilter.Config.getSerialFilter(), info)) {
            return refuse("class " + type.getName() + " is refused by the JVM-wide serial filter");
        }
        return Status.UNDECIDED;
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
