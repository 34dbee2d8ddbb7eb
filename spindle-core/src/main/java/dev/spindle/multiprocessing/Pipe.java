package dev.spindle.multiprocessing;

import dev.spindle.ReadLimits;
import dev.spindle.internal.pipe.PipeEnd;
import dev.spindle.internal.transport.InProcessEnd;
import java.io.Serializable;

/**
 * A pair of connected {@link Connection}s (Python's {@code multiprocessing.Pipe}).
 *
 * <pre>{@code
 * Pipe pipe = Pipe.open();
 * Connection left = pipe.left(), right = pipe.right();
 * }</pre>
 *
 * <p>A Pipe can be handed to a child whole (Python passes the tuple); each end then follows the
 * rules of {@link Connection}.
 *
 * @param left  the first end; receive-only for a one-way pipe
 * @param right the second end; send-only for a one-way pipe
 */
public record Pipe(Connection left, Connection right) implements Serializable {

    /** A duplex pipe: both ends send and receive. */
    public static Pipe open() {
        return open(true);
    }

    /**
     * A pipe; with {@code duplex} false, {@link #left()} only receives and {@link #right()} only
     * sends (Python's {@code Pipe(duplex=False)}).
     */
    public static Pipe open(boolean duplex) {
        PipeEnd[] ends = PipeEnd.create(duplex, PipeEnd.DEFAULT_CAPACITY, ReadLimits.defaults().maxBytes());
        return new Pipe(new Connection(ends[0]), new Connection(ends[1]));
    }

    /**
     * A pipe between the threads of this JVM (Python's {@code multiprocessing.dummy.Pipe}), as
     * {@code Context.threads().pipe(duplex)} makes: messages are encoded and decoded as through
     * any pipe, so the receiver gets a copy; nothing bounds how many wait. Its ends cannot travel
     * to another process.
     */
    public static Pipe inProcess(boolean duplex) {
        InProcessEnd[] ends = InProcessEnd.pair(duplex, ReadLimits.defaults().maxBytes());
        return new Pipe(new Connection(ends[0]), new Connection(ends[1]));
    }
}
