package dev.spindle.internal.values;

import static dev.spindle.internal.values.SharedListLayout.BOOLEAN;
import static dev.spindle.internal.values.SharedListLayout.BYTES;
import static dev.spindle.internal.values.SharedListLayout.DOUBLE;
import static dev.spindle.internal.values.SharedListLayout.INT;
import static dev.spindle.internal.values.SharedListLayout.LONG;
import static dev.spindle.internal.values.SharedListLayout.NULL;
import static dev.spindle.internal.values.SharedListLayout.STRING;

import dev.spindle.internal.travel.Travel;
import dev.spindle.multiprocessing.ShareableList;
import dev.spindle.multiprocessing.SharedMemory;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/** A {@link ShareableList} in a {@link SharedMemoryBlock}, laid out as {@link SharedListLayout} says. */
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

    private final SharedMemoryBlock block;
    private final MemorySegment memory;
    private final int count;

    private SharedList(SharedMemoryBlock block) {
        this.block = block;
        this.memory = block.buf();
        SharedListLayout.HEADER.validate(memory);
        this.count = SharedListLayout.countPlain(memory);
        if (count < 0 || SharedListLayout.slotsStart(count) > memory.byteSize()) {
            throw new IllegalStateException("not a ShareableList: " + count + " items in " + memory.byteSize() + " bytes");
        }
        for (int i = 0; i < count; i++) {
            if (offset(i) < SharedListLayout.slotsStart(count) || capacity(i) < SharedListLayout.MIN_SLOT_BYTES
                    || offset(i) + capacity(i) > memory.byteSize()) {
                throw new IllegalStateException("not a ShareableList: item " + i + "'s slot is outside the block");
            }
        }
    }

    /** A new list of {@code items} in a new block: tracked, or named {@code name} (null: tracked). */
    public static SharedList create(List<?> items, String name) throws IOException {
        int count = items.size();
        long size = SharedListLayout.slotsStart(count);
        for (Object item : items) {
            size += slotBytes(item);
        }
        SharedMemoryBlock block = name == null ? SharedMemoryBlock.create(size) : SharedMemoryBlock.createNamed(name, size);
        MemorySegment memory = block.buf();
        SharedListLayout.setCountPlain(memory, count);
        long offset = SharedListLayout.slotsStart(count);
        for (int i = 0; i < count; i++) {
            int capacity = slotBytes(items.get(i));
            SharedListLayout.setEntryPlain(memory, i, capacity, offset);
            offset += capacity;
        }
        SharedListLayout.HEADER.write(memory);
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

    /** The slot an item is made with: 8 bytes, or its string's or bytes' length rounded up to 8. */
    private static int slotBytes(Object item) {
        if (item == null || item instanceof Integer || item instanceof Long || item instanceof Double
                || item instanceof Boolean) {
            return SharedListLayout.MIN_SLOT_BYTES;
        }
        if (isBlob(item)) {
            return Math.max(SharedListLayout.MIN_SLOT_BYTES, (blob(item).length + 7) & ~7);
        }
        throw unsupported(item);
    }

    private static IllegalArgumentException unsupported(Object item) {
        return new IllegalArgumentException("a ShareableList holds Integer, Long, Double, Boolean, String, byte[] or null, not "
                + item.getClass().getName());
    }

    private int checked(int index) {
        return java.util.Objects.checkIndex(index, count);
    }

    private int type(int index) {
        return SharedListLayout.typePlain(memory, checked(index));
    }

    private int capacity(int index) {
        return SharedListLayout.capacityPlain(memory, checked(index));
    }

    private long offset(int index) {
        return SharedListLayout.offsetPlain(memory, checked(index));
    }

    @Override
    public Object get(int index) {
        long at = offset(index);
        return switch (type(index)) {
            case NULL -> null;
            case INT -> (int) SharedListLayout.longPlain(memory, at);
            case LONG -> SharedListLayout.longPlain(memory, at);
            case DOUBLE -> SharedListLayout.doublePlain(memory, at);
            case BOOLEAN -> SharedListLayout.longPlain(memory, at) != 0;
            case STRING -> new String(blobAt(index, at), StandardCharsets.UTF_8);
            case BYTES -> blobAt(index, at);
            default -> throw new IllegalStateException("corrupt ShareableList: item " + index + " of type " + type(index));
        };
    }

    private byte[] blobAt(int index, long at) {
        int length = SharedListLayout.lengthPlain(memory, index);
        if (length < 0 || length > capacity(index)) {
            throw new IllegalStateException("corrupt ShareableList: item " + index + " of " + length + " bytes in a slot of "
                    + capacity(index));
        }
        return SharedListLayout.blobPlain(memory, at, length);
    }

    /**
     * Sets item {@code index}, of any kind the list holds, as Python's does: a number or null in
     * any slot; a string or bytes if it fits the slot's capacity, fixed when the list was made.
     */
    @Override
    public Object set(int index, Object value) {
        Object old = get(index);
        long at = offset(index);
        int type = switch (value) {
            case null -> NULL;
            case Integer i -> {
                SharedListLayout.setLongPlain(memory, at, i);
                yield INT;
            }
            case Long l -> {
                SharedListLayout.setLongPlain(memory, at, l);
                yield LONG;
            }
            case Double d -> {
                SharedListLayout.setDoublePlain(memory, at, d);
                yield DOUBLE;
            }
            case Boolean b -> {
                SharedListLayout.setLongPlain(memory, at, b ? 1 : 0);
                yield BOOLEAN;
            }
            case String _, byte[] _ -> {
                byte[] bytes = blob(value);
                if (bytes.length > capacity(index)) {
                    throw new IllegalArgumentException("item " + index + " holds at most " + capacity(index)
                            + " bytes, not " + bytes.length + " (its slot is sized when the list is made)");
                }
                SharedListLayout.setBlobPlain(memory, index, at, bytes);
                yield value instanceof String ? STRING : BYTES;
            }
            default -> throw unsupported(value);
        };
        SharedListLayout.setTypePlain(memory, index, type);
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
