package dev.spindle.asyncio;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Python's {@code asyncio.StreamReader}: the bytes a connection received, read by one task of the
 * loop at a time. Every read is an await: it suspends the task until enough has arrived or the
 * peer closed. Bytes are fed by the connection as the loop finds them on its socket, and reading the
 * socket pauses while the task has not consumed what was fed (flow control).
 */
public final class StreamReader {
    /** Python's default limit on a line or a chunk up to a separator: 64 KiB. */
    public static final int DEFAULT_LIMIT = 64 * 1024;
    private static final byte[] NEWLINE = {'\n'};

    private final int limit;
    private final IntConsumer consumed;
    private final Runnable waiting;
    private byte[] buffer = new byte[256];
    private int start;
    private int end;
    private boolean eof;
    private IOException exception;
    private Future<Void> waiter;

    /** A reader fed by hand ({@link #feedData}, {@link #feedEof}), as Python's {@code StreamReader()}. */
    public StreamReader() {
        this(DEFAULT_LIMIT, n -> { }, () -> { });
    }

    /**
     * A reader whose connection hears of it: {@code consumed} when bytes are handed out,
     * {@code waiting} when a read waits for more (then the connection reads on even if it paused,
     * as CPython's {@code _wait_for_data} resumes the transport: a read of more than the pause
     * mark would wait forever otherwise).
     */
    StreamReader(int limit, IntConsumer consumed, Runnable waiting) {
        this.limit = limit;
        this.consumed = consumed;
        this.waiting = waiting;
    }

    /** Appends received bytes and wakes the waiting reader. */
    public void feedData(byte[] data) {
        if (eof) {
            throw new IllegalStateException("feed_data after feed_eof");
        }
        if (data.length == 0) {
            return;
        }
        if (end + data.length > buffer.length) {
            int size = end - start;
            byte[] grown = size + data.length > buffer.length ? new byte[Math.max(buffer.length * 2, size + data.length)] : buffer;
            System.arraycopy(buffer, start, grown, 0, size);
            buffer = grown;
            start = 0;
            end = size;
        }
        System.arraycopy(data, 0, buffer, end, data.length);
        end += data.length;
        wake();
    }

    /** The peer closed its side: once the buffer is read, reads return what is left, then nothing. */
    public void feedEof() {
        eof = true;
        wake();
    }

    /** The connection failed: reads throw {@code error} once the buffer is read. */
    public void setException(IOException error) {
        exception = error;
        wake();
    }

    /** How many received bytes wait to be read (CPython's {@code len(reader._buffer)}). */
    int buffered() {
        return end - start;
    }

    /** Whether the peer closed and every byte was read: Python's {@code at_eof()}. */
    public boolean atEof() {
        return eof && start == end;
    }

    /**
     * Python's {@code await reader.readline()}: up to and including the next {@code \n}; at the end
     * of the stream, the bytes left (a partial line, then empty).
     *
     * @throws IOException if the line is longer than the limit (the buffer is then cleared up to the separator) or the connection failed
     */
    public byte[] readline() throws IOException {
        try {
            return readUntil(NEWLINE);
        } catch (IncompleteReadError e) {
            return e.partial();
        } catch (LimitOverrunError e) {
            boolean separatorFollows = end - start > e.consumed() && buffer[start + e.consumed()] == '\n';
            take(separatorFollows ? e.consumed() + 1 : end - start);
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * Python's {@code await reader.readuntil(separator)}: up to and including {@code separator}.
     *
     * @throws IncompleteReadError if the stream ends first (with the bytes read)
     * @throws LimitOverrunError   if no separator comes within the limit (the bytes stay)
     */
    public byte[] readUntil(byte[] separator) throws IOException {
        if (separator.length == 0) {
            throw new IllegalArgumentException("Separator should be at least one-byte string");
        }
        int offset = 0;
        int found;
        while (true) {
            throwIfFailed();
            if (end - start - offset >= separator.length) {
                found = indexOf(separator, offset);
                if (found >= 0) {
                    break;
                }
                offset = end - start + 1 - separator.length;
                if (offset > limit) {
                    throw new LimitOverrunError("Separator is not found, and chunk exceed the limit", offset);
                }
            }
            if (eof) {
                throw new IncompleteReadError(take(end - start), -1);
            }
            waitForData("readuntil");
        }
        if (found > limit) {
            throw new LimitOverrunError("Separator is found, but chunk is longer than limit", found);
        }
        return take(found + separator.length);
    }

    /**
     * Python's {@code await reader.read(n)}: at most {@code n} bytes, as soon as there are any; empty
     * at the end of the stream. {@code n < 0} reads until the end of the stream.
     */
    public byte[] read(int n) throws IOException {
        if (n == 0) {
            return new byte[0];
        }
        if (n < 0) {
            while (!eof) {
                throwIfFailed();
                waitForData("read");
            }
            return take(end - start);
        }
        while (start == end && !eof) {
            throwIfFailed();
            waitForData("read");
        }
        return take(Math.min(n, end - start));
    }

    /**
     * Python's {@code await reader.readexactly(n)}: exactly {@code n} bytes.
     *
     * @throws IncompleteReadError if the stream ends first (with the bytes read)
     */
    public byte[] readExactly(int n) throws IOException {
        if (n < 0) {
            throw new IllegalArgumentException("readexactly size can not be less than zero");
        }
        while (end - start < n) {
            throwIfFailed();
            if (eof) {
                throw new IncompleteReadError(take(end - start), n);
            }
            waitForData("readexactly");
        }
        return take(n);
    }

    private int indexOf(byte[] separator, int offset) {
        outer:
        for (int i = start + offset; i <= end - separator.length; i++) {
            for (int j = 0; j < separator.length; j++) {
                if (buffer[i + j] != separator[j]) {
                    continue outer;
                }
            }
            return i - start;
        }
        return -1;
    }

    private byte[] take(int n) {
        byte[] chunk = Arrays.copyOfRange(buffer, start, start + n);
        start += n;
        if (start == end) {
            start = 0;
            end = 0;
        }
        consumed.accept(n);
        return chunk;
    }

    private void throwIfFailed() throws IOException {
        if (exception != null) {
            throw exception;
        }
    }

    private void waitForData(String function) {
        if (waiter != null) {
            throw new IllegalStateException(function + "() called while another task is already waiting for incoming data");
        }
        waiter = Asyncio.getRunningLoop().createFuture();
        waiting.run();
        try {
            Asyncio.awaitQuietly(waiter);
        } finally {
            waiter = null;
        }
    }

    private void wake() {
        if (waiter != null && !waiter.done()) {
            waiter.setResult(null);
        }
    }
}
