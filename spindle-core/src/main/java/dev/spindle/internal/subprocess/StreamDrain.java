package dev.spindle.internal.subprocess;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * Reads a child's output stream to its end on a platform thread of its own (a pipe read blocks in
 * the kernel, which would hold a virtual thread's carrier), keeping every byte,
 * so that the child never blocks on a full pipe however much it writes and whoever waits for it.
 * What has been read so far can be taken at any time ({@link #soFar()}).
 */
public final class StreamDrain {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    /** The thread reading, or null for a stream that is not there. */
    private final Thread reader;
    private volatile IOException failure;

    private StreamDrain() {
        reader = null;
    }

    /** A drain of a stream that is not there (not piped): already at its end, with no bytes. */
    public static StreamDrain none() {
        return new StreamDrain();
    }

    /** Starts reading {@code in}; it is closed at its end. */
    public StreamDrain(InputStream in, String name) {
        reader = Thread.ofPlatform().daemon(true).name(name).start(() -> {
            try (in) {
                byte[] chunk = new byte[64 * 1024];
                for (int n; (n = in.read(chunk)) >= 0; ) {
                    synchronized (bytes) {
                        bytes.write(chunk, 0, n);
                    }
                }
            } catch (IOException e) {
                failure = e;
            }
        });
    }

    /** Waits up to {@code timeout} for the end of the stream; true if it has been read to its end. */
    public boolean await(Duration timeout) throws InterruptedException {
        return reader == null || reader.join(timeout);
    }

    /** Every byte read so far. */
    public byte[] soFar() {
        synchronized (bytes) {
            return bytes.toByteArray();
        }
    }

    /**
     * Every byte of the stream, once {@link #await} has returned true.
     *
     * @throws IOException if reading failed
     */
    public byte[] all() throws IOException {
        if (failure != null) {
            throw new IOException("reading a child's output failed", failure);
        }
        return soFar();
    }
}
