package dev.spindle.internal.values;

import dev.spindle.internal.shm.SegmentHeader;
import dev.spindle.internal.travel.Travel;
import dev.spindle.multiprocessing.ShareableList;
import dev.spindle.multiprocessing.SharedMemory;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A {@link ShareableList} in a {@link SharedMemoryBlock}. Layout (version 1):
 *
 * <pre>
 * 0   SegmentHeader 'SLST', version
 * 8   int count
 * 16  count entries of { int type | int slotClass | int capacity | int unused | long offset }
 *     then the slots, 8-byte aligned: a number slot is 8 bytes; a blob slot is
 *     { int length | int unused | capacity bytes }
 * </pre>
 * An entry's type says what its slot holds now (null, int, long, double, boolean in a number
 * slot; null, string, bytes in a blob slot). A set writes the value, then the type.
 */
public final class SharedList extends AbstractList<Object> implements ShareableList, RandomAccess {
    static {
        Travel.register(SharedList.class, (list, journey) -> new Ref(list.block.name()));
    }

    /** The form a list crosses in: its block's name. */
    record Ref(String name) implements Travel.Arrival {
        @Override
        public Object arrive() throws IOException {
            return attach(name);
        }
    }

    private static final SegmentHeader HEADER = new SegmentHeader("slist", "ShareableList", 0x534C5354, 1, 16);
    private static final long COUNT = 8;
    private static final long ENTRIES = 16;
    private static final long ENTRY = 24;
    private static final int NUMBER_SLOT = 1;
    private static final int BLOB_SLOT = 2;
    private static final int NULL = 0;
    private static final int INT = 1;
    private static final int LONG = 2;
    private static final int DOUBLE = 3;
    private static final int BOOLEAN = 4;
    private static final int STRING = 5;
    private static final int BYTES = 6;

    private final SharedMemoryBlock block;
    private final MemorySegment memory;
    private final int count;

    private SharedList(SharedMemoryBlock block) {
        this.block = block;
        this.memory = block.buf();
        HEADER.validate(memory);
        this.count = memory.get(ValueLayout.JAVA_INT, COUNT);
        if (count < 0 || ENTRIES + count * ENTRY > memory.byteSize()) {
            throw new IllegalStateException("not a ShareableList: " + count + " items in " + memory.byteSize() + " bytes");
        }
        for (int i = 0; i < count; i++) {
            long end = offset(i) + (slotClass(i) == BLOB_SLOT ? 8 + (long) capacity(i) : 8);
            if (offset(i) < ENTRIES + count * ENTRY || capacity(i) < 0 || end > memory.byteSize()
                    || (slotClass(i) != NUMBER_SLOT && slotClass(i) != BLOB_SLOT)) {
                throw new IllegalStateException("not a ShareableList: item " + i + "'s slot is outside the block");
            }
        }
    }

    /** A new list of {@code items} in a new block: tracked, or named {@code name} (null: tracked). */
    public static SharedList create(List<?> items, String name) throws IOException {
        int count = items.size();
        long size = ENTRIES + count * ENTRY;
        for (Object item : items) {
            size += slotBytes(item);
        }
        SharedMemoryBlock block = name == null ? SharedMemoryBlock.create(size) : SharedMemoryBlock.createNamed(name, size);
        MemorySegment memory = block.buf();
        memory.set(ValueLayout.JAVA_INT, COUNT, count);
        long offset = ENTRIES + count * ENTRY;
        for (int i = 0; i < count; i++) {
            Object item = items.get(i);
            long entry = ENTRIES + i * ENTRY;
            memory.set(ValueLayout.JAVA_INT, entry + 4, isBlob(item) ? BLOB_SLOT : NUMBER_SLOT);
            memory.set(ValueLayout.JAVA_INT, entry + 8, isBlob(item) ? (int) (slotBytes(item) - 8) : 8);
            memory.set(ValueLayout.JAVA_LONG, entry + 16, offset);
            offset += slotBytes(item);
        }
        HEADER.write(memory);
        SharedList list = new SharedList(block);
        for (int i = 0; i < count; i++) {
            list.set(i, items.get(i));
        }
        return list;
    }

    /** As {@link #create(List, String)}, unchecked: a tracked block has no name to clash. */
    public static SharedList create(List<?> items) {
        try {
            return create(items, null);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The list in the block named {@code name}. */
    public static SharedList attach(String name) throws IOException {
        SharedMemoryBlock block = SharedMemoryBlock.attach(name);
        try {
            return new SharedList(block);
        } catch (IllegalStateException e) {
            block.close();
            throw new IOException(e.getMessage(), e);
        }
    }

    private static boolean isBlob(Object item) {
        return item instanceof String || item instanceof byte[];
    }

    private static byte[] blob(Object item) {
        return item instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) item;
    }

    private static long slotBytes(Object item) {
        if (item == null || item instanceof Integer || item instanceof Long || item instanceof Double
                || item instanceof Boolean) {
            return 8;
        }
        if (isBlob(item)) {
            return 8 + ((blob(item).length + 7L) & ~7L);
        }
        throw new IllegalArgumentException("a ShareableList holds Integer, Long, Double, Boolean, String, byte[] or null, not "
                + item.getClass().getName());
    }

    private long entry(int index) {
        return ENTRIES + java.util.Objects.checkIndex(index, count) * ENTRY;
    }

    private int type(int index) {
        return memory.get(ValueLayout.JAVA_INT, entry(index));
    }

    private int slotClass(int index) {
        return memory.get(ValueLayout.JAVA_INT, entry(index) + 4);
    }

    private int capacity(int index) {
        return memory.get(ValueLayout.JAVA_INT, entry(index) + 8);
    }

    private long offset(int index) {
        return memory.get(ValueLayout.JAVA_LONG, entry(index) + 16);
    }

    @Override
    public Object get(int index) {
        long at = offset(index);
        return switch (type(index)) {
            case NULL -> null;
            case INT -> (int) memory.get(ValueLayout.JAVA_LONG, at);
            case LONG -> memory.get(ValueLayout.JAVA_LONG, at);
            case DOUBLE -> memory.get(ValueLayout.JAVA_DOUBLE, at);
            case BOOLEAN -> memory.get(ValueLayout.JAVA_LONG, at) != 0;
            case STRING -> new String(blobAt(index, at), StandardCharsets.UTF_8);
            case BYTES -> blobAt(index, at);
            default -> throw new IllegalStateException("corrupt ShareableList: item " + index + " of type " + type(index));
        };
    }

    private byte[] blobAt(int index, long at) {
        int length = memory.get(ValueLayout.JAVA_INT, at);
        if (length < 0 || length > capacity(index)) {
            throw new IllegalStateException("corrupt ShareableList: item " + index + " of " + length + " bytes in a slot of "
                    + capacity(index));
        }
        return memory.asSlice(at + 8, length).toArray(ValueLayout.JAVA_BYTE);
    }

    @Override
    public Object set(int index, Object value) {
        Object old = get(index);
        long at = offset(index);
        int type;
        if (slotClass(index) == NUMBER_SLOT) {
            type = switch (value) {
                case null -> NULL;
                case Integer i -> {
                    memory.set(ValueLayout.JAVA_LONG, at, i);
                    yield INT;
                }
                case Long l -> {
                    memory.set(ValueLayout.JAVA_LONG, at, l);
                    yield LONG;
                }
                case Double d -> {
                    memory.set(ValueLayout.JAVA_DOUBLE, at, d);
                    yield DOUBLE;
                }
                case Boolean b -> {
                    memory.set(ValueLayout.JAVA_LONG, at, b ? 1 : 0);
                    yield BOOLEAN;
                }
                default -> throw new IllegalArgumentException("item " + index + " holds a number, a boolean or null, not "
                        + value.getClass().getName());
            };
        } else {
            if (value != null && !isBlob(value)) {
                throw new IllegalArgumentException("item " + index + " holds a string or bytes, not " + value.getClass().getName());
            }
            byte[] bytes = value == null ? new byte[0] : blob(value);
            if (bytes.length > capacity(index)) {
                throw new IllegalArgumentException("item " + index + " holds at most " + capacity(index) + " bytes, not "
                        + bytes.length + " (its size is fixed when the list is made)");
            }
            memory.set(ValueLayout.JAVA_INT, at, bytes.length);
            MemorySegment.copy(bytes, 0, memory, ValueLayout.JAVA_BYTE, at + 8, bytes.length);
            type = value == null ? NULL : value instanceof String ? STRING : BYTES;
        }
        memory.set(ValueLayout.JAVA_INT, entry(index), type);
        return old;
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public SharedMemory shm() {
        return block;
    }

    @Override
    public String toString() {
        return "ShareableList(" + super.toString() + ", name=" + block.name() + ")";
    }
}
