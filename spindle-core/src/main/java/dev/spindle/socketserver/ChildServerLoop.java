package dev.spindle.socketserver;

import dev.spindle.internal.nativeio.DescriptorSocket;
import dev.spindle.internal.nativeio.SocketCalls;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What a serving child JVM runs: it connects to its parent's Unix socket, then serves each
 * connection whose descriptor arrives there and answers {@link #DONE} when it has ended, until the
 * parent closes the socket.
 */
final class ChildServerLoop {
    /** A child's word that it has finished a connection and can take another. */
    static final byte DONE = 'D';
    /** The parent's byte that carries a connection's descriptor. */
    static final byte CONNECTION = 'C';

    private ChildServerLoop() {}

    /** The child's target: serves connections handed over at {@code parentSocket} until the parent lets go. */
    static void serve(String parentSocket, RequestSettings settings) throws IOException {
        int channel = SocketCalls.connectUnix(Path.of(parentSocket));
        try {
            while (true) {
                int fd = SocketCalls.receiveDescriptor(channel);
                if (fd == -2) {
                    return;
                }
                if (fd >= 0) {
                    serveOne(fd, settings);
                    SocketCalls.sendByte(channel, DONE);
                }
            }
        } finally {
            SocketCalls.close(channel);
        }
    }

    private static void serveOne(int fd, RequestSettings settings) throws IOException {
        try (DescriptorSocket connection = new DescriptorSocket(fd)) {
            connection.readTimeout(settings.timeout());
            settings.serve(connection.input(), connection.output(), connection.peerAddress());
        }
    }
}
