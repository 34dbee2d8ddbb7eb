package dev.spindle.internal.shm;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * The first 8 bytes of every cross-process object's segment: {@code int magic} at 0, {@code int version} at
 * 4, so that a segment mapped by name is checked to be the primitive and layout version expected.
 *
 * @param kind the segment kind in its file name ({@code event}, {@code lock}, …)
 * @param what the primitive's name in messages ({@code Event}, {@code Lock}, …)
 * @param magic four ASCII letters naming the primitive
 * @param version the layout version
 * @param size the bytes the layout takes: a segment made is this size, one mapped must be at least
 * @param withBeside whether segments are made beside it ({@link SharedSegment#createBeside}: a
 *                   queue's large items and overflow), to be removed with it
 */
public record SegmentHeader(String kind, String what, int magic, int version, long size, boolean withBeside) {
    /** A header of a segment with none beside it. */
    public SegmentHeader(String kind, String what, int magic, int version, long size) {
        this(kind, what, magic, version, size, false);
    }

    /** Bytes the header takes; a primitive's fields start at or after this offset. */
    public static final long SIZE = 8;
    private static final long MAGIC_OFFSET = 0;
    private static final long VERSION_OFFSET = 4;
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();

    /** Writes the header, the magic last, so that a segment with a magic has a version. */
    public void write(MemorySegment memory) {
        INT.setVolatile(memory, VERSION_OFFSET, version);
        INT.setVolatile(memory, MAGIC_OFFSET, magic);
    }

    /** Checks the size and the header of a segment mapped by name. */
    public void validate(MemorySegment memory) {
        if (memory.byteSize() < size) {
            throw new IllegalStateException("not a Spindle " + what + " segment: " + memory.byteSize() + " bytes, not "
                    + size);
        }
        int found = (int) INT.getVolatile(memory, MAGIC_OFFSET);
        int foundVersion = (int) INT.getVolatile(memory, VERSION_OFFSET);
        if (found != magic || foundVersion != version) {
            throw new IllegalStateException("not a Spindle " + what + " segment of layout version " + version
                    + " (magic " + Integer.toHexString(found) + ", version " + foundVersion + ")");
        }
    }
}
