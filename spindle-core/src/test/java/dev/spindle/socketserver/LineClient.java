package dev.spindle.socketserver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A test's client: lines out, lines back. */
final class LineClient implements AutoCloseable {
    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    LineClient(InetSocketAddress server) throws IOException {
        socket = new Socket(server.getAddress(), server.getPort());
        socket.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = socket.getOutputStream();
    }

    void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    String ask(String line) throws IOException {
        send(line + "\n");
        return readLine();
    }

    String readLine() throws IOException {
        return in.readLine();
    }

    /** True when no line comes within {@code quiet}: the client is still waiting to be served. */
    boolean waitsFor(Duration quiet) throws IOException {
        socket.setSoTimeout((int) quiet.toMillis());
        try {
            in.readLine();
            return false;
        } catch (SocketTimeoutException stillWaiting) {
            return true;
        } finally {
            socket.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
        }
    }

    /** Whether the server closed the connection: the next read finds the end (or a reset). */
    boolean closedByServer() {
        try {
            return in.readLine() == null;
        } catch (IOException reset) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
