package dev.spindle.socketserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** A {@link StreamRequest} over a connection's two streams, whichever kind of socket they come from. */
final class ConnectionRequest implements StreamRequest {
    private final LineInput input;
    private final OutputStream output;
    private final InetSocketAddress client;

    ConnectionRequest(InputStream input, OutputStream output, InetSocketAddress client, int maxLine) {
        this.input = new LineInput(input, maxLine);
        this.output = output;
        this.client = client;
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public String readLine() throws IOException {
        return input.readLine();
    }

    @Override
    public void write(String text) throws IOException {
        output.write(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public InetSocketAddress clientAddress() {
        return client;
    }

    @Override
    public String toString() {
        return "request from " + client;
    }
}
