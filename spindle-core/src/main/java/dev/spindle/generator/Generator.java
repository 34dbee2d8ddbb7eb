package dev.spindle.generator;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Python's generator: a body that yields values one at a time and can be sent values back, so it
 * serves as a coroutine ({@code send}) as well as an iterator.
 *
 * <pre>{@code
 * Generator<Double, Double> avg = Generator.of(y -> {
 *     double total = 0, count = 0;
 *     Double mean = null;
 *     while (true) {
 *         total += y.yield(mean);
 *         mean = total / ++count;
 *     }
 * });
 * avg.next();           // primes it, as Python's next(gen)
 * avg.send(10.0);       // 10.0
 * }</pre>
 *
 * <p>The body runs on a virtual thread of its own, started by the first {@code next}/{@code send};
 * the caller and the body take turns, so exactly one of them runs at a time and everything one
 * wrote before a hand-off is visible to the other after it. A generator is for one caller at a
 * time: a call while another runs throws {@code IllegalStateException("generator already
 * executing")}, as Python raises {@code ValueError}. A generator that nobody holds any more is
 * closed (its body gets {@link GeneratorExit}, its {@code finally} blocks run and its thread ends),
 * as Python's finalizer closes it; a body that captures its own generator is never unreachable.
 *
 * <p>Python's {@code throw} is {@link #throwIn} ({@code throw} is a Java keyword); generator
 * expressions are {@link Stream}s, and {@link #stream()} is a generator's stream view.
 *
 * @param <Y> what the generator yields
 * @param <S> what it is sent
 */
public final class Generator<Y, S> implements Iterator<Y>, Iterable<Y>, AutoCloseable {
    /** A generator's body: the code of a Python generator function, yielding through its {@link Yielder}. */
    @FunctionalInterface
    public interface Body<Y, S> {
        /**
         * Runs until it returns (the generator finishes) or throws (the exception reaches the caller of
         * {@code next}/{@code send}; a checked one wrapped in an
         * {@link java.lang.reflect.UndeclaredThrowableException}).
         */
        void run(Yielder<Y, S> yielder) throws Exception;
    }

    private static final Cleaner CLEANER = Cleaner.create(Thread.ofPlatform().daemon().name("generator-cleaner").factory());
    private static final Object NOTHING = new Object();

    private final Frame<Y, S> frame;
    /** A value {@link #hasNext()} fetched and {@link #next()} has not returned yet, or {@link #NOTHING}. */
    private Object lookahead = NOTHING;

    private Generator(Body<Y, S> body) {
        Frame<Y, S> abandoned = new Frame<>(body);
        frame = abandoned;
        // closed on a thread of its own: a body's finally that blocks must not hold up the cleaner
        CLEANER.register(this, () -> Thread.ofVirtual().name("generator-close").start(abandoned::closeAbandoned));
    }

    /** A generator in state {@link GeneratorState#GEN_CREATED}: {@code body} starts at the first {@link #next()}. */
    public static <Y, S> Generator<Y, S> of(Body<Y, S> body) {
        if (body == null) {
            throw new NullPointerException("body");
        }
        return new Generator<>(body);
    }

    /**
     * Python's {@code next(gen)}: runs the body to its next {@code yield} and returns the value.
     *
     * @throws StopIteration         when the body has finished or the generator is closed
     * @throws IllegalStateException when the generator is already executing
     */
    @Override
    public Y next() {
        if (lookahead != NOTHING) {
            @SuppressWarnings("unchecked")
            Y value = (Y) lookahead;
            lookahead = NOTHING;
            return value;
        }
        return send(null);
    }

    /**
     * Python's {@code gen.send(value)}: resumes the body, whose {@code yield} returns {@code value},
     * and returns the next value it yields. A generator just created must be started with
     * {@code next()} or {@code send(null)}.
     *
     * @throws IllegalStateException when {@code value} is not null and the body has not started
     *                               ("can't send non-None value to a just-started generator", Python's
     *                               {@code TypeError}), when the generator is already executing, or
     *                               when {@link #hasNext()} holds a value not yet taken by {@code next()}
     * @throws StopIteration         when the body finishes, or the generator was closed
     */
    public Y send(S value) {
        if (lookahead != NOTHING) {
            throw new IllegalStateException("hasNext() ran the body to a value that next() has not taken");
        }
        if (!frame.enter(value == null)) {
            throw new StopIteration();
        }
        try {
            return frame.resume(value, null, null);
        } finally {
            Reference.reachabilityFence(this); // not cleaned while its body runs
        }
    }

    /**
     * Python's {@code gen.throw(e)}: throws {@code e} inside the body at the {@code yield} where it
     * waits; returns the next value the body yields if it catches it. A generator not started, or
     * closed, throws {@code e} here (and is closed).
     *
     * @throws StopIteration         when the body catches {@code e} and then finishes
     * @throws IllegalStateException when the generator is already executing
     */
    public Y throwIn(RuntimeException e) {
        if (e == null) {
            throw new NullPointerException("exception");
        }
        if (frame.state.compareAndSet(GeneratorState.GEN_CREATED, GeneratorState.GEN_CLOSED) || !frame.enter(false)) {
            throw e;
        }
        try {
            return frame.resume(null, e, null);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /**
     * Python's {@code gen.close()}: throws {@link GeneratorExit} in the body at its {@code yield}, so
     * its {@code finally} blocks run, and leaves the generator {@link GeneratorState#GEN_CLOSED}. A
     * generator not started or already closed is just closed.
     *
     * @throws IllegalStateException when the body yields instead of finishing ("generator ignored
     *                               GeneratorExit"), or the generator is already executing
     */
    @Override
    public void close() {
        lookahead = NOTHING;
        if (frame.state.compareAndSet(GeneratorState.GEN_CREATED, GeneratorState.GEN_CLOSED) || !frame.enter(false)) {
            return;
        }
        try {
            frame.close();
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** Python's {@code inspect.getgeneratorstate(gen)}. */
    public GeneratorState state() {
        return frame.state.get();
    }

    /**
     * Whether {@link #next()} has a value: runs the body to its next {@code yield} if needed (and
     * keeps the value for {@code next()}), as any iterator over a computation must.
     */
    @Override
    public boolean hasNext() {
        if (lookahead != NOTHING) {
            return true;
        }
        try {
            lookahead = send(null);
            return true;
        } catch (StopIteration finished) {
            return false;
        }
    }

    /** This generator, as Python's {@code iter(gen)} is {@code gen}: it can be iterated once. */
    @Override
    public Iterator<Y> iterator() {
        return this;
    }

    /** The values still to come, as an ordered sequential stream; closing the stream closes the generator. */
    public Stream<Y> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED), false).onClose(this::close);
    }

    @Override
    public String toString() {
        return "<generator " + state() + ">";
    }
}
