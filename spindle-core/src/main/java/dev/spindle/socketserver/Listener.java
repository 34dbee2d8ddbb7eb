package dev.spindle.socketserver;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * A listening TCP socket whose wait for the next connection can be cut short from another
 * thread, as {@code shutdown()} needs.
 *
 * @param <C> what an accepted connection is: a {@code Socket}, or a descriptor to pass on
 */
interface Listener<C> extends Closeable {
    /** The next connection, or null when {@link #wake()} ended the wait. */
    C accept() throws IOException;

    /** Ends a wait in {@link #accept()}, or the next one if none is under way. */
    void wake() throws IOException;

    /** Where it listens, with the port the OS picked. */
    InetSocketAddress address();

    /** Closes a connection that will not be served. */
    void discard(C connection);
}
