package dev.spindle.internal.sync;

import dev.spindle.internal.launch.ChildContext;
import dev.spindle.internal.track.ProcessIdentity;

/**
 * How a lock's {@code toString} says who holds it: {@code ReentrantLock}'s form
 * ({@code Lock[Locked by thread main]}, {@code Lock[Unlocked]}), with the process for a
 * cross-process lock and the hold count for a reentrant one — what CPython's
 * {@code <Lock(owner=MainProcess)>} and {@code <RLock(MainProcess|MainThread, 1)>} say.
 */
final class LockOwners {
    private static final long SELF = ProcessIdentity.self().word();

    private LockOwners() {}

    /**
     * A lock of this JVM's threads.
     *
     * @param owner the holding thread, null when free (or when a {@code Lock} held by no one thread)
     * @param holds the holds of a reentrant lock, or -1 for a {@code Lock}
     */
    static String inProcess(String kind, boolean locked, Thread owner, int holds) {
        if (!locked) {
            return kind + "[Unlocked]";
        }
        return kind + "[Locked" + (owner == null ? "" : " by thread " + owner.getName()) + holds(holds) + "]";
    }

    /**
     * A lock shared by processes.
     *
     * @param ownerWord the owner's {@link ProcessIdentity#word()} without flags; 0 when free
     * @param threadId  the holding thread's id in its process (0 if not yet recorded)
     * @param here      the holding thread when this process holds the lock (else, or unknown, null)
     * @param holds     the holds of a reentrant lock, or -1 for a {@code Lock}
     */
    static String shared(String kind, long ownerWord, long threadId, Thread here, int holds) {
        if (ownerWord == 0) {
            return kind + "[Unlocked, shared by processes]";
        }
        long pid = ownerWord & ProcessIdentity.WORD_PID_MASK;
        String thread = here != null && here.threadId() == threadId ? here.getName() : "#" + threadId;
        String process = ownerWord == SELF ? ChildContext.currentName() + " (pid " + pid + ")" : "pid " + pid;
        return kind + "[Locked by thread " + thread + " of " + process + holds(holds) + ", shared by processes]";
    }

    private static String holds(int holds) {
        return holds < 0 ? "" : ", " + holds + (holds == 1 ? " hold" : " holds");
    }
}
