package dev.spindle.asyncio;

/** Python's {@code asyncio.Event}: a flag the tasks of one loop wait for. */
public final class Event {
    private final Waiters waiters = new Waiters();
    private boolean flag;

    /** An event whose flag is clear. */
    public Event() {
        // the fields start as Python's do
    }

    public boolean isSet() {
        return flag;
    }

    /** Sets the flag and wakes every waiting task. */
    public void set() {
        if (!flag) {
            flag = true;
            for (Future<Void> waiter : waiters) {
                if (!waiter.done()) {
                    waiter.setResult(null);
                }
            }
        }
    }

    public void clear() {
        flag = false;
    }

    /** Python's {@code await event.wait()}: returns at once if set, else suspends until {@link #set()}; true. */
    public boolean await() {
        if (!flag) {
            waiters.await(Asyncio.getRunningLoop());
        }
        return true;
    }
}
