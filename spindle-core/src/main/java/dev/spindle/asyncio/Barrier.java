package dev.spindle.asyncio;

/**
 * Python 3.11's {@code asyncio.Barrier(parties)}: each task that calls {@link #await()} waits until
 * {@code parties} tasks have; then all go on and the barrier is ready for the next round.
 */
public final class Barrier {
    private enum State { FILLING, DRAINING, RESETTING, BROKEN }

    private final Condition cond = new Condition();
    private final int parties;
    private State state = State.FILLING;
    private int count;

    public Barrier(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be > 0");
        }
        this.parties = parties;
    }

    /**
     * Python's {@code await barrier.wait()}: waits for the round to fill; returns this task's
     * arrival index, 0 to {@code parties - 1}.
     *
     * @throws BrokenBarrierError if the barrier is or becomes broken or is reset meanwhile
     */
    public int await() {
        cond.acquire();
        try {
            cond.waitFor(() -> state != State.DRAINING && state != State.RESETTING);
            if (state == State.BROKEN) {
                throw new BrokenBarrierError("Barrier aborted");
            }
            int index = count++;
            try {
                if (index + 1 == parties) {
                    state = State.DRAINING;
                    cond.signalAll();
                } else {
                    cond.waitFor(() -> state != State.FILLING);
                    if (state == State.BROKEN || state == State.RESETTING) {
                        throw new BrokenBarrierError("Barrier aborted");
                    }
                }
                return index;
            } finally {
                count--;
                if (count == 0 && (state == State.RESETTING || state == State.DRAINING)) {
                    state = State.FILLING;
                }
                cond.signalAll();
            }
        } finally {
            cond.release();
        }
    }

    /** Breaks the barrier: waiting and future callers get {@link BrokenBarrierError} until {@link #reset()}. */
    public void abort() {
        cond.acquire();
        try {
            state = State.BROKEN;
            cond.signalAll();
        } finally {
            cond.release();
        }
    }

    /** Back to empty: waiting tasks get {@link BrokenBarrierError}. */
    public void reset() {
        cond.acquire();
        try {
            state = count > 0 ? State.RESETTING : State.FILLING;
            cond.signalAll();
        } finally {
            cond.release();
        }
    }

    public int parties() {
        return parties;
    }

    /** How many tasks wait now. */
    public int nWaiting() {
        return state == State.FILLING ? count : 0;
    }

    public boolean broken() {
        return state == State.BROKEN;
    }
}
