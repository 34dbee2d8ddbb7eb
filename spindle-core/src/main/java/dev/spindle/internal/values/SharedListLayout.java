package dev.spindle.internal.values;

import dev.spindle.internal.shm.SegmentHeader;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Byte layout of a {@link SharedList}'s block (version 2).
 *
 * <pre>
 * 0   SegmentHeader 'SLST', version
 * 8   int count
 * 16  count entries of { int type | int capacity | int length | int unused | long offset }
 *     then the slots, 8-byte aligned, each {@code capacity} bytes (a multiple of 8, at least 8)
 * </pre>
 * An entry's type says what its slot holds now: null, an int, long, double or boolean (in the
 * slot's first 8 bytes), or a string or bytes ({@code length} bytes). As in Python's
 * ShareableList, an item may change its kind: any slot holds a number, and a string or bytes
 * that fit its capacity. A set writes the value (and length), then the type.
 *
 * <p>Every access is plain, as in Python's ShareableList: a get that races a set of the same
 * item may see a mix, and users guard such items with a cross-process lock.
 */
final class SharedListLayout {
    /** Its kind names no file: a list lives in a {@link SharedMemoryBlock}, which names its own. */
    static final SegmentHeader HEADER = new SegmentHeader("slist", "ShareableList", 0x534C5354, 2, 16);
    static final long COUNT = 8;
    static final long ENTRIES = 16;
    static final long ENTRY = 24;
    /** The smallest slot: a number's 8 bytes. */
    static final int MIN_SLOT_BYTES = 8;

    static final int NULL = 0;
    static final int INT = 1;
    static final int LONG = 2;
    static final int DOUBLE = 3;
    static final int BOOLEAN = 4;
    static final int STRING = 5;
    static final int BYTES = 6;

    private SharedListLayout() {}

    /** Where the slots of a list of {@code count} items begin: after its entries. */
    static long slotsStart(int count) {
        return ENTRIES + count * ENTRY;
    }

    private static long entry(int index) {
        return ENTRIES + index * ENTRY;
    }

    static int countPlain(MemorySegment memory) {
        return memory.get(ValueLayout.JAVA_INT, COUNT);
    }

    static void setCountPlain(MemorySegment memory, int count) {
        memory.set(ValueLayout.JAVA_INT, COUNT, count);
    }

    /** Writes entry {@code index} of a new list, its type left NULL. */
    static void setEntryPlain(MemorySegment memory, int index, int capacity, long offset) {
        memory.set(ValueLayout.JAVA_INT, entry(index) + 4, capacity);
        memory.set(ValueLayout.JAVA_LONG, entry(index) + 16, offset);
    }

    static int typePlain(MemorySegment memory, int index) {
        return memory.get(ValueLayout.JAVA_INT, entry(index));
    }

    static void setTypePlain(MemorySegment memory, int index, int type) {
        memory.set(ValueLayout.JAVA_INT, entry(index), type);
    }

    static int capacityPlain(MemorySegment memory, int index) {
        return memory.get(ValueLayout.JAVA_INT, entry(index) + 4);
    }

    /** The length of the string or bytes in the slot of entry {@code index}, as recorded: checked by the caller against the capacity. */
    static int lengthPlain(MemorySegment memory, int index) {
        return memory.get(ValueLayout.JAVA_INT, entry(index) + 8);
    }

    /** Where the slot of entry {@code index} is. */
    static long offsetPlain(MemorySegment memory, int index) {
        return memory.get(ValueLayout.JAVA_LONG, entry(index) + 16);
    }

    /** The number in the slot at {@code at}: an int, a long or a boolean (0 or 1) widened to a long. */
    static long longPlain(MemorySegment memory, long at) {
        return memory.get(ValueLayout.JAVA_LONG, at);
    }

    static void setLongPlain(MemorySegment memory, long at, long value) {
        memory.set(ValueLayout.JAVA_LONG, at, value);
    }

    static double doublePlain(MemorySegment memory, long at) {
        return memory.get(ValueLayout.JAVA_DOUBLE, at);
    }

    static void setDoublePlain(MemorySegment memory, long at, double value) {
        memory.set(ValueLayout.JAVA_DOUBLE, at, value);
    }

    static byte[] blobPlain(MemorySegment memory, long at, int length) {
        return memory.asSlice(at, length).toArray(ValueLayout.JAVA_BYTE);
    }

    /** Writes {@code bytes} into the slot of entry {@code index}, at {@code at}, and its length into the entry. */
    static void setBlobPlain(MemorySegment memory, int index, long at, byte[] bytes) {
        MemorySegment.copy(bytes, 0, memory, ValueLayout.JAVA_BYTE, at, bytes.length);
        memory.set(ValueLayout.JAVA_INT, entry(index) + 8, bytes.length);
    }
}
