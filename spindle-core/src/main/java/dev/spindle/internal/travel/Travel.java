package dev.spindle.internal.travel;

import java.io.IOException;
import java.io.NotSerializableException;
import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one registry of how a shareable object crosses into another process (CPython's
 * {@code multiprocessing.reduction}). Each shareable type (pipe ends, queues, the sync
 * primitives, values and arrays, shared memory blocks and lists) registers a {@link Departure}, which writes a form in
 * its place and does what the crossing needs on this side (register the receiver as a holder,
 * say). The form is an {@link Arrival}: in the receiving process it becomes the object again.
 * The codec consults the registry for everything it writes through its object streams — target
 * arguments and captures, pool task arguments and results, pipe messages — so a shareable object
 * travels the same way wherever it is sent.
 *
 * <p>A type registers in its static initializer: an instance cannot exist, so cannot be written,
 * before its class is initialized. Lookup is by exact class.
 */
public final class Travel {
    /** How instances of one type leave this process. */
    @FunctionalInterface
    public interface Departure<T> {
        /**
         * The form written in place of {@code value} for the journey in progress.
         *
         * @throws NotSerializableException if {@code value} cannot travel (it is closed, say)
         */
        Arrival depart(T value, Journey journey) throws NotSerializableException;
    }

    /**
     * A form in transit: in the receiving process, it becomes its object again. Forms nested in
     * it have arrived already when it arrives (the stream resolves objects as it reads them).
     */
    public interface Arrival extends Serializable {
        /** The object this form stands for, attached in this process. */
        Object arrive() throws IOException;
    }

    private static final Map<Class<?>, Departure<?>> DEPARTURES = new ConcurrentHashMap<>();

    private Travel() {}

    /** Registers how instances of exactly {@code type} travel. */
    public static <T> void register(Class<T> type, Departure<? super T> departure) {
        if (DEPARTURES.putIfAbsent(type, departure) != null) {
            throw new IllegalStateException(type.getName() + " is registered already");
        }
    }

    /** What to write in place of {@code value}: its form if its type is registered, else itself. */
    @SuppressWarnings("unchecked")
    public static Object depart(Object value) throws NotSerializableException {
        if (value instanceof StaysInProcess) {
            throw new NotSerializableException(StaysInProcess.refusal(value));
        }
        Departure<Object> departure = value == null ? null : (Departure<Object>) DEPARTURES.get(value.getClass());
        return departure == null ? value : departure.depart(value, Journey.current());
    }

    /** What a read {@code value} stands for: the attached object if it is a form, else itself. */
    public static Object arrive(Object value) throws IOException {
        return value instanceof Arrival form ? form.arrive() : value;
    }
}
