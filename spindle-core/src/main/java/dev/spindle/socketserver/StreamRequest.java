package dev.spindle.socketserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;

/**
 * One client's connection as a {@link RequestHandler} sees it: Python's
 * {@code StreamRequestHandler} with its {@code rfile}, {@code wfile} and {@code client_address}.
 * When the server has a timeout, a read that waits longer throws
 * {@link java.net.SocketTimeoutException}. Not for use by several threads at once.
 */
public interface StreamRequest {
    /** The longest line {@link #readLine()} accepts, in bytes, unless the server says otherwise. */
    int DEFAULT_MAX_LINE = 65_536;

    /** Python's {@code rfile}: the client's bytes, buffered. */
    InputStream input();

    /** Python's {@code wfile}: bytes to the client, sent at each write (no buffering to flush). */
    OutputStream output();

    /**
     * The next line from the client, decoded as UTF-8, without its {@code \n} or {@code \r\n}.
     *
     * @return the line, or null when the client has closed its side (a last line without
     *         {@code \n} is returned first)
     * @throws java.io.IOException when the line is longer than the server's limit (a client that
     *                             never sends a newline cannot fill the memory), or the read fails
     */
    String readLine() throws IOException;

    /** Sends {@code text} as UTF-8, as it is. */
    void write(String text) throws IOException;

    /** Sends {@code line} as UTF-8, followed by {@code \n}. */
    default void writeLine(String line) throws IOException {
        write(line + "\n");
    }

    /** Python's {@code client_address}. */
    InetSocketAddress clientAddress();
}
