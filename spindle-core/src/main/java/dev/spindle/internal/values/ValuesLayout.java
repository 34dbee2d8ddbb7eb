package dev.spindle.internal.values;

import dev.spindle.internal.shm.SegmentHeader;
import dev.spindle.multiprocessing.TypeCode;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Byte layouts of the segments of a shared value and a shared array (version 1).
 *
 * <pre>
 * value:  0 SegmentHeader 'SVAL' | 8 int typeCode (the letter) | 64 long slot
 * array:  0 SegmentHeader 'SARR' | 8 int typeCode | 12 int length | 64 elements, C's layout
 * </pre>
 * The type code and length are written before the header, which is written last; a segment
 * mapped by name is checked for a known type code and a size that holds its elements.
 */
final class ValuesLayout {
    static final long TYPE_CODE = 8;
    static final long LENGTH = 12;
    static final long DATA = 64;
    static final SegmentHeader VALUE = new SegmentHeader("value", "Value", 0x5356414C, 1, DATA + 8);
    static final SegmentHeader ARRAY = new SegmentHeader("array", "Array", 0x53415252, 1, DATA);

    private ValuesLayout() {}

    static void initialize(MemorySegment memory, TypeCode<?> code, int length) {
        memory.set(ValueLayout.JAVA_INT, TYPE_CODE, code.code());
        memory.set(ValueLayout.JAVA_INT, LENGTH, length);
    }

    /** The type code a mapped segment records; IllegalStateException if it is none. */
    static TypeCode<?> typeCode(MemorySegment memory) {
        int letter = memory.get(ValueLayout.JAVA_INT, TYPE_CODE);
        try {
            return TypeCode.of((char) letter);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("not a Spindle value or array segment: type code " + letter, e);
        }
    }

    /** The length a mapped array segment records, checked against its size. */
    static int length(MemorySegment memory, TypeCode<?> code) {
        int length = memory.get(ValueLayout.JAVA_INT, LENGTH);
        if (length < 0 || DATA + (long) length * code.byteSize() > memory.byteSize()) {
            throw new IllegalStateException("not a Spindle array segment: " + length + " elements of " + code + " in "
                    + memory.byteSize() + " bytes");
        }
        return length;
    }
}
