package dev.spindle.generator;

import dev.spindle.internal.handoff.Turn;
import dev.spindle.internal.handoff.Unchecked;
import java.util.concurrent.atomic.AtomicReference;

/*
 * A generator's body and the hand-off with its caller. The body runs on a virtual thread of its
 * own, started by the first resume; the caller and the body then take turns (exactly one of them
 * runs): resume() writes what is sent or thrown in, gives the body its turn and takes its own
 * back; yield() writes the value, gives the caller its turn and takes the body's. The fields
 * passed across are plain: Turn's give/take orders them.
 *
 * A Frame never refers to its Generator, so a generator nobody holds can be collected while its
 * body's thread waits, and the Cleaner closes the frame (see Generator).
 */
final class Frame<Y, S> implements Yielder<Y, S> {
    private static final System.Logger LOG = System.getLogger(Generator.class.getName());

    private final Generator.Body<Y, S> body;
    private final Turn callerTurn = new Turn();
    private final Turn bodyTurn = new Turn();
    final AtomicReference<GeneratorState> state = new AtomicReference<>(GeneratorState.GEN_CREATED);
    private Thread thread;

    // caller to body
    private S sent;
    private RuntimeException thrownIn;
    private GeneratorExit exit;
    // body to caller
    private Y yielded;
    private boolean finished;
    private Throwable failure;

    Frame(Generator.Body<Y, S> body) {
        this.body = body;
    }

    /**
     * Moves from SUSPENDED (or CREATED when {@code mayStart}) to RUNNING, or explains why not;
     * false when the generator is closed.
     */
    boolean enter(boolean mayStart) {
        while (true) {
            GeneratorState now = state.get();
            switch (now) {
                case GEN_RUNNING -> throw new IllegalStateException("generator already executing");
                case GEN_CLOSED -> {
                    return false;
                }
                case GEN_CREATED -> {
                    if (!mayStart) {
                        throw new IllegalStateException("can't send non-None value to a just-started generator");
                    }
                }
                case GEN_SUSPENDED -> { }
            }
            if (state.compareAndSet(now, GeneratorState.GEN_RUNNING)) {
                return true;
            }
        }
    }

    /**
     * Runs the body (after {@link #enter}) until it yields, returning the value, or finishes:
     * {@link StopIteration}, or what the body threw. At most one of {@code value}, {@code in},
     * {@code close} is given.
     */
    Y resume(S value, RuntimeException in, GeneratorExit close) {
        sent = value;
        thrownIn = in;
        exit = close;
        callerTurn.ownedBy(Thread.currentThread());
        if (thread == null) {
            thread = Thread.ofVirtual().name("generator").unstarted(this::runBody);
            bodyTurn.ownedBy(thread);
            thread.start();
        } else {
            bodyTurn.give();
        }
        callerTurn.take();
        if (!finished) {
            state.set(GeneratorState.GEN_SUSPENDED);
            return yielded;
        }
        state.set(GeneratorState.GEN_CLOSED);
        Throwable thrown = failure;
        failure = null;
        if (thrown == null) {
            throw new StopIteration();
        }
        throw Unchecked.of(thrown);
    }

    private void runBody() {
        try {
            body.run(this);
        } catch (Throwable t) {
            failure = t instanceof StopIteration ? new IllegalStateException("generator raised StopIteration", t) : t;
        }
        finished = true;
        callerTurn.give();
    }

    @Override
    public S yield(Y value) {
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException("yield outside its generator's body");
        }
        yielded = value;
        callerTurn.give();
        bodyTurn.take();
        if (exit != null) {
            throw exit;
        }
        if (thrownIn != null) {
            throw thrownIn;
        }
        return sent;
    }

    /** Python's {@code close()} from the state RUNNING. */
    void close() {
        try {
            resume(null, null, new GeneratorExit());
        } catch (GeneratorExit | StopIteration closed) {
            return;
        }
        throw new IllegalStateException("generator ignored GeneratorExit");
    }

    /** The Cleaner's action for a generator nobody holds any more: Python's finalizer closes it. */
    void closeAbandoned() {
        try {
            if (state.compareAndSet(GeneratorState.GEN_SUSPENDED, GeneratorState.GEN_RUNNING)) {
                close();
            }
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.WARNING, "Exception ignored while closing an unreachable generator", e);
        }
    }
}
