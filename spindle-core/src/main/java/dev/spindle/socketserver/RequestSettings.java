package dev.spindle.socketserver;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * What serving one connection takes, wherever it is served: the handler, how long a read may wait
 * (null: for ever) and the longest line. Serializable, as the process variants send it to their
 * children.
 */
record RequestSettings(RequestHandler handler, Duration timeout, int maxLine) implements Serializable {
    private static final System.Logger LOG = System.getLogger(TcpServer.class.getName());

    /**
     * Runs the handler on one connection; an exception is logged, as Python's
     * {@code handle_error} prints it, and goes no further. The caller closes the connection.
     */
    void serve(InputStream input, OutputStream output, InetSocketAddress client) {
        try {
            handler.handle(new ConnectionRequest(input, output, client, maxLine));
        } catch (java.net.SocketTimeoutException stalled) {
            LOG.log(Level.INFO, "closing the connection of " + client + ", which sent nothing for " + timeout);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "handler failed for " + client, e);
        }
    }
}
