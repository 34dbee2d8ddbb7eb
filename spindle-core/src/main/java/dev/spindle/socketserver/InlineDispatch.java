package dev.spindle.socketserver;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Python's plain {@code TCPServer}: the accepting thread serves each connection itself, one at a time. */
final class InlineDispatch implements Dispatch<Socket> {
    private final RequestSettings settings;

    InlineDispatch(RequestSettings settings) {
        this.settings = settings;
    }

    @Override
    public void dispatch(Socket connection) throws IOException {
        serve(settings, connection);
    }

    /** Serves one connection of this JVM and closes it. */
    static void serve(RequestSettings settings, Socket connection) throws IOException {
        try (connection) {
            if (settings.timeout() != null) {
                connection.setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, settings.timeout().toMillis())));
            }
            settings.serve(connection.getInputStream(), connection.getOutputStream(),
                    (InetSocketAddress) connection.getRemoteSocketAddress());
        }
    }

    @Override
    public void close() {
        // nothing outlives a dispatch
    }
}
