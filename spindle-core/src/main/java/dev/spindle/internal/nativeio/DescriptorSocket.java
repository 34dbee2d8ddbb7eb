package dev.spindle.internal.nativeio;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A connected TCP socket known only by its file descriptor (one passed from another process),
 * read and written through {@link SocketCalls}. Reads wait at most the read timeout, then fail with
 * {@link SocketTimeoutException}, as a {@code java.net.Socket}'s do. One reader and one writer at a
 * time; closing is idempotent.
 */
public final class DescriptorSocket implements Closeable {
    private static final int BUFFER = 16 * 1024;

    private final int fd;
    /** Freed by the collector: a close racing a read must not free memory the read still uses. */
    private final MemorySegment readBuffer = Arena.ofAuto().allocate(BUFFER);
    private final MemorySegment writeBuffer = Arena.ofAuto().allocate(BUFFER);
    private final InputStream input = new Input();
    private final OutputStream output = new Output();
    private volatile int timeoutMillis = -1;
    private boolean closed;

    /** Takes ownership of the connected socket {@code fd}: closing this closes it. */
    public DescriptorSocket(int fd) {
        this.fd = fd;
    }

    /** The peer's address. */
    public InetSocketAddress peerAddress() throws IOException {
        return SocketCalls.peerAddress(fd);
    }

    /** How long one read may wait for data; null: for ever. */
    public void readTimeout(Duration timeout) {
        timeoutMillis = timeout == null ? -1 : (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
    }

    /** The bytes from the peer, unbuffered: each read is one system call. */
    public InputStream input() {
        return input;
    }

    /** The bytes to the peer, unbuffered: each write is sent before it returns. */
    public OutputStream output() {
        return output;
    }

    /** Ends the sending half: the peer reads the end of the stream, and can still send. */
    public void shutdownOutput() throws IOException {
        SocketCalls.shutdownOutput(fd);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            SocketCalls.close(fd);
        }
    }

    private final class Input extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            int timeout = timeoutMillis;
            if (timeout >= 0 && SocketCalls.pollReadable(new int[] {fd}, timeout) < 0) {
                throw new SocketTimeoutException("no data from the peer within " + timeout + " ms");
            }
            int read = SocketCalls.read(fd, readBuffer, Math.min(length, BUFFER));
            if (read == 0) {
                return -1;
            }
            MemorySegment.copy(readBuffer, ValueLayout.JAVA_BYTE, 0, bytes, offset, read);
            return read;
        }
    }

    private final class Output extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            for (int done = 0; done < length; ) {
                int chunk = Math.min(length - done, BUFFER);
                MemorySegment.copy(bytes, offset + done, writeBuffer, ValueLayout.JAVA_BYTE, 0, chunk);
                SocketCalls.sendAll(fd, writeBuffer, chunk);
                done += chunk;
            }
        }
    }
}
