package dev.spindle.internal.shm;

/**
 * The word of a {@link RobustMutex} in shared memory (version 1): 8 bytes, 8-byte aligned, in
 * native (little-endian) order, so its low half is the 32-bit futex word.
 *
 * <pre>
 * bit  0–29   owner pid                       ─┐ the low half: waiters sleep on it (futex)
 * bit  30     WAITERS: some process may sleep  │
 * bit  31     reserved (0)                    ─┘
 * bit 32–63   low 32 bits of the owner's start ticks (field 22 of /proc/PID/stat)
 * </pre>
 * 0 means free. The owner fields are {@code ProcessIdentity.word()}, stored with the flag in one
 * CAS, so there is never a moment when the word names a pid without its start time.
 */
public final class MutexLayout {
    /** Layout version; a structure embedding the word bumps its own version when this changes. */
    public static final int VERSION = 1;
    /** Bytes the word takes. */
    public static final long SIZE = 8;
    /** Set while some process may be asleep waiting; the releaser then wakes one. */
    public static final long WAITERS = 1L << 30;
    /** Every flag bit (neither is part of the owner's identity). */
    public static final long FLAGS = 3L << 30;

    private MutexLayout() {}
}
