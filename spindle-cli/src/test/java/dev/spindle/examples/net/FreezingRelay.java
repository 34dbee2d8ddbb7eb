package dev.spindle.examples.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A TCP relay on 127.0.0.1 in front of a server, for one connection, that can be frozen: from then on
 * it passes nothing either way and keeps both connections open, as a server that stops answering (or a
 * network that drops everything) looks to its client.
 */
final class FreezingRelay implements AutoCloseable {
    private final ServerSocket listener;
    private final int target;
    private volatile boolean frozen;
    private volatile Socket client;
    private volatile Socket server;

    FreezingRelay(int targetPort) throws IOException {
        target = targetPort;
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("relay-accept").start(this::relayOne);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** From now on nothing passes. */
    void freeze() {
        frozen = true;
    }

    private void relayOne() {
        try {
            client = listener.accept();
            server = new Socket(InetAddress.getLoopbackAddress(), target);
            Thread.ofVirtual().name("relay-up").start(() -> pump(client, server));
            pump(server, client);
        } catch (IOException closed) {
            // the relay was closed
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (!frozen) {
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException closed) {
            // one side or the relay closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : new Socket[] {client, server}) {
            if (s != null) {
                s.close();
            }
        }
    }
}
