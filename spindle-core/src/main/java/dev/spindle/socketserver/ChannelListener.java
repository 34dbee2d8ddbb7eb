package dev.spindle.socketserver;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/** A listener over a JDK server channel, for connections served in this JVM. */
final class ChannelListener implements Listener<Socket> {
    private final ServerSocketChannel channel;
    private final Selector selector;

    ChannelListener(InetSocketAddress address, int backlog) throws IOException {
        channel = ServerSocketChannel.open();
        try {
            channel.socket().setReuseAddress(true);
            channel.bind(address, backlog);
            channel.configureBlocking(false);
            selector = Selector.open();
            channel.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public Socket accept() throws IOException {
        while (true) {
            selector.select();
            boolean ready = !selector.selectedKeys().isEmpty();
            selector.selectedKeys().clear();
            if (!ready) {
                return null;
            }
            SocketChannel accepted = channel.accept();
            if (accepted != null) {
                accepted.configureBlocking(true);
                return accepted.socket();
            }
        }
    }

    @Override
    public void wake() {
        selector.wakeup();
    }

    @Override
    public InetSocketAddress address() {
        return (InetSocketAddress) channel.socket().getLocalSocketAddress();
    }

    @Override
    public void discard(Socket connection) {
        try {
            connection.close();
        } catch (IOException ignored) {
            // closing is all that was left to do
        }
    }

    @Override
    public void close() throws IOException {
        try (channel) {
            selector.close();
        }
    }
}
