package dev.spindle.internal.shm;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * A channel's damage word in shared memory: 0 while it is sound, else which of its
 * {@code reasons} the first process to find bytes no Spindle process wrote there recorded (its
 * ordinal plus one), so that every process's every later call on the channel fails at once with
 * that reason. Set once: the first finding wins.
 */
public final class DamageWord {
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();

    private final MemorySegment memory;
    private final long offset;
    private final String[] reasons;

    /** The word at {@code offset} of {@code memory}, whose codes name {@code reasons} in order. */
    public DamageWord(MemorySegment memory, long offset, String... reasons) {
        this.memory = memory;
        this.offset = offset;
        this.reasons = reasons.clone();
    }

    /** Records {@code reason} (an index into the reasons) unless a damage is recorded already. */
    public void mark(int reason) {
        INT.compareAndSet(memory, offset, 0, reason + 1);
    }

    /** True once a damage is recorded, by this process or another. */
    public boolean isMarked() {
        return (int) INT.getVolatile(memory, offset) != 0;
    }

    /** The recorded reason, in words. */
    public String reason() {
        int code = (int) INT.getVolatile(memory, offset);
        return code >= 1 && code <= reasons.length ? reasons[code - 1] : "its damage word holds " + code;
    }
}
