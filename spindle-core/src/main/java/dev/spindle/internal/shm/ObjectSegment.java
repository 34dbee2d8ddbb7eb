package dev.spindle.internal.shm;

import dev.spindle.internal.track.BackgroundThreads;
import dev.spindle.internal.travel.Travel;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The segment of one cross-process object (a lock, an event, a queue, a value), mapped in this
 * process, and its lifetime.
 *
 * <p>Lifetime, as CPython's: the segment belongs to the process that made the primitive. It is
 * removed when that process's object becomes unreachable, or when that process ends (the resource
 * tracker removes what a killed one left). Copies in other processes map it while they are
 * reachable; a copy that arrives after its maker removed it fails to attach, saying so.
 *
 * <p>One object per segment and process: a primitive that arrives where an object for its
 * segment is still reachable (sent to a child and back, or received twice) is that object, so
 * what a process keeps about its own holds (an RLock's owner thread) is kept once.
 */
public final class ObjectSegment {
    /** How a primitive type is mapped again on arrival: its header, and how it is made from its segment and companion. */
    private record Kind<T>(SegmentHeader header, BiFunction<ObjectSegment, Object, T> make) {}

    /**
     * The form in which a primitive crosses to another process: its segment's name, its type (one
     * of this package's, registered by its static initializer), and what travels with it (a
     * condition's lock, a barrier's action; null for none), which crosses in its own form.
     */
    public record Ref(String segmentName, Class<?> type, Object companion) implements Travel.Arrival {
        @Override
        public Object arrive() throws IOException {
            return arriveAs(segmentName, type, companion);
        }
    }

    /** Where the types that travel this way live: only theirs are initialized by name on arrival. */
    private static final String INTERNAL = "dev.spindle.internal.";
    private static final Map<Class<?>, Kind<?>> KINDS = new ConcurrentHashMap<>();
    /** Segment name → the object for it in this process; guarded by itself. */
    private static final Map<String, WeakReference<Object>> OBJECTS = new HashMap<>();

    private final SharedSegment segment;

    private ObjectSegment(SharedSegment segment) {
        this.segment = segment;
    }

    /** A new segment for a primitive made by {@code make}, owned by this process. */
    public static <T> T create(SegmentHeader header, Consumer<MemorySegment> initialize, Function<ObjectSegment, T> make) {
        return create(header, header.size(), initialize, make);
    }

    /**
     * A new segment of {@code size} bytes (at least the header's) for an object made by
     * {@code make}, owned by this process. When it is removed, so are the segments made beside
     * it if its header says there may be some ({@link SharedSegment#createBeside}: a queue's
     * items too large for its ring); finding those lists /dev/shm, which other kinds are spared
     * (dropping thousands of locks was quadratic).
     */
    public static <T> T create(SegmentHeader header, long size, Consumer<MemorySegment> initialize,
            Function<ObjectSegment, T> make) {
        SharedSegment segment = SharedSegment.create(header.kind(), Math.max(size, header.size()));
        initialize.accept(segment.memory());
        header.write(segment.memory());
        ObjectSegment mapped = new ObjectSegment(segment);
        T primitive = make.apply(mapped);
        mapped.bind(primitive, true, header.withBeside());
        return primitive;
    }

    /**
     * Registers {@code type} as a primitive that travels as its segment's name: mapped again with
     * {@code header} checked, made by {@code make}; {@code segmentOf} gives an object's segment.
     * Called from the type's static initializer.
     */
    public static <T> void register(Class<T> type, SegmentHeader header, Function<ObjectSegment, T> make,
            Function<T, ObjectSegment> segmentOf) {
        register(type, header, (segment, none) -> make.apply(segment), segmentOf, primitive -> null);
    }

    /**
     * As {@link #register(Class, SegmentHeader, Function, Function)}, for a primitive that travels
     * with a companion ({@code companionOf}), handed to {@code make} on arrival.
     */
    public static <T> void register(Class<T> type, SegmentHeader header, BiFunction<ObjectSegment, Object, T> make,
            Function<T, ObjectSegment> segmentOf, Function<T, Object> companionOf) {
        KINDS.put(type, new Kind<>(header, make));
        Travel.register(type, (primitive, journey) ->
                new Ref(segmentOf.apply(primitive).name(), type, companionOf.apply(primitive)));
    }

    private static Object arriveAs(String name, Class<?> type, Object companion) throws IOException {
        if (!KINDS.containsKey(type) && type.getName().startsWith(INTERNAL)) {
            try {
                Class.forName(type.getName(), true, type.getClassLoader()); // its initializer registers it
            } catch (ClassNotFoundException impossible) {
                throw new IOException(impossible);
            }
        }
        Kind<?> kind = KINDS.get(type);
        if (kind == null) {
            throw new IOException("not a Spindle primitive: " + type.getName());
        }
        Object arrived;
        try {
            arrived = arrive(name, kind.header(), segment -> kind.make().apply(segment, companion));
        } catch (ClassCastException e) {
            throw new IOException("a " + kind.header().what() + " arrived with a companion of another kind", e);
        }
        if (arrived.getClass() != type) { // the object here for that segment is of another kind
            throw new IOException("a " + kind.header().what() + " arrived naming the segment of a " + arrived);
        }
        return arrived;
    }

    /** The object for the segment {@code name} in this process: the one already here, else a new copy. */
    private static Object arrive(String name, SegmentHeader header, Function<ObjectSegment, Object> make)
            throws IOException {
        if (!name.startsWith(SharedSegment.PREFIX) || name.contains("/")) {
            throw new IOException("not the name of a Spindle segment: " + name);
        }
        synchronized (OBJECTS) {
            WeakReference<Object> known = OBJECTS.get(name);
            Object here = known == null ? null : known.get();
            if (here != null) {
                return here;
            }
            SharedSegment segment;
            try {
                segment = SharedSegment.open(name);
            } catch (IOException e) {
                throw new IOException("cannot attach a " + header.what() + ": its segment " + name + " is gone (the process"
                        + " that made it dropped it or ended; keep it reachable there while others may still receive it)", e);
            }
            ObjectSegment mapped = new ObjectSegment(segment);
            Object primitive;
            try {
                header.validate(segment.memory());
                primitive = make.apply(mapped);
            } catch (IllegalStateException e) {
                segment.close();
                throw new IOException(e.getMessage(), e);
            } catch (RuntimeException e) {
                segment.close();
                throw e;
            }
            mapped.bind(primitive, false, false);
            return primitive;
        }
    }

    /** Ties the segment's lifetime in this process to {@code primitive}'s reachability. */
    private void bind(Object primitive, boolean owner, boolean withBeside) {
        String name = segment.name();
        WeakReference<Object> reference = new WeakReference<>(primitive);
        synchronized (OBJECTS) {
            OBJECTS.put(name, reference);
        }
        SharedSegment mapped = segment;
        BackgroundThreads.whenUnreachable(primitive, () -> {
            synchronized (OBJECTS) {
                OBJECTS.remove(name, reference);
            }
            if (owner && withBeside) {
                mapped.unlinkWithBeside();
            } else if (owner) {
                mapped.unlink();
            }
            mapped.close();
        });
    }

    /** The mapped memory. */
    public MemorySegment memory() {
        return segment.memory();
    }

    /** The segment's name in /dev/shm. */
    public String name() {
        return segment.name();
    }
}
