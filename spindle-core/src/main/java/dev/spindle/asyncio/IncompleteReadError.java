package dev.spindle.asyncio;

/**
 * Python's {@code asyncio.IncompleteReadError}: the stream ended before {@link StreamReader#readExactly}
 * or {@link StreamReader#readUntil} had what it needed; {@link #partial()} is what was read.
 */
public class IncompleteReadError extends java.io.EOFException {
    private static final long serialVersionUID = 1L;
    private final byte[] partial;
    private final int expected;

    public IncompleteReadError(byte[] partial, int expected) {
        super(partial.length + " bytes read on a total of " + (expected < 0 ? "undefined" : Integer.toString(expected)) + " expected bytes");
        this.partial = partial.clone();
        this.expected = expected;
    }

    /** The bytes read before the end of the stream. */
    public byte[] partial() {
        return partial.clone();
    }

    /** How many bytes were expected; -1 when reading up to a separator. */
    public int expected() {
        return expected;
    }
}
