package dev.spindle.internal.sync;

/** The end of a condition wait, the same for every condition of this package. */
final class ConditionWaits {
    private ConditionWaits() {}

    /**
     * After a wait that took the lock back: an interrupt during it throws, unless the wait was
     * uninterruptible or a signal had taken this waiter (then the interrupt is kept for later, so
     * the signal is not lost to it).
     *
     * @return {@code signalled}
     */
    static boolean settle(boolean interrupted, boolean interruptible, boolean signalled) throws InterruptedException {
        if (interrupted) {
            if (!interruptible || signalled) {
                Thread.currentThread().interrupt(); // a signal taken is not lost to an interrupt
            } else {
                throw new InterruptedException("interrupted while waiting on a Condition");
            }
        }
        return signalled;
    }
}
