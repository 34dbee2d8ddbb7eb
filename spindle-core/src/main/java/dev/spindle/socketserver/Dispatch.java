package dev.spindle.socketserver;

import java.io.IOException;

/**
 * How a server gets an accepted connection served: at once, on a thread, or in a child JVM.
 *
 * @param <C> what an accepted connection is
 */
interface Dispatch<C> {
    /** Has {@code connection} served, and closed when it ends; it may wait for a free server. */
    void dispatch(C connection) throws IOException, InterruptedException;

    /** Waits until every connection under way has ended, then frees what serving took. */
    void close() throws InterruptedException;
}
