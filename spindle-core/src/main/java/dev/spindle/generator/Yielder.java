package dev.spindle.generator;

/**
 * What a generator's body yields through (Python's {@code yield} expression): the body runs on a
 * thread of its own, and each {@link #yield} hands a value to the caller of {@code next}/{@code send}
 * and waits until it is resumed. Only the body's own thread may yield.
 *
 * @param <Y> what the generator yields
 * @param <S> what it is sent
 */
public interface Yielder<Y, S> {
    /**
     * Hands {@code value} to the caller and waits to be resumed: returns what {@link Generator#send}
     * sent ({@code null} after {@link Generator#next()}), or throws what {@link Generator#throwIn}
     * threw in, or {@link GeneratorExit} when the generator is closed.
     *
     * @throws IllegalStateException when called from a thread other than the body's
     */
    S yield(Y value);

    /**
     * Python's {@code yield from sub}: yields every value of {@code sub}, passing what this generator
     * is sent on to {@code sub} ({@code null} as {@code next()}), exceptions thrown in on to
     * {@code sub.throwIn}, and a close on to {@code sub.close()}; returns when {@code sub} finishes.
     */
    default void yieldFrom(Generator<? extends Y, S> sub) {
        Y value;
        try {
            value = sub.next();
        } catch (StopIteration finished) {
            return;
        }
        while (true) {
            S received;
            try {
                received = this.yield(value);
            } catch (GeneratorExit exit) {
                sub.close();
                throw exit;
            } catch (RuntimeException thrownIn) {
                try {
                    value = sub.throwIn(thrownIn);
                } catch (StopIteration finished) {
                    return;
                }
                continue;
            }
            try {
                value = sub.send(received);
            } catch (StopIteration finished) {
                return;
            }
        }
    }

    /** Python's {@code yield from iterable} for a plain iterable: yields each of its values, ignoring what is sent. */
    default void yieldFrom(Iterable<? extends Y> values) {
        for (Y value : values) {
            this.yield(value);
        }
    }
}
