package dev.spindle.internal.manager;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;

/** A socket address as text that any process parses back: {@code unix:PATH} or {@code tcp:HOST:PORT}. */
final class Addresses {
    private Addresses() {}

    static String format(SocketAddress address) {
        return switch (address) {
            case UnixDomainSocketAddress unix -> "unix:" + unix.getPath();
            case InetSocketAddress inet -> "tcp:" + inet.getHostString() + ":" + inet.getPort();
            default -> throw new IllegalArgumentException("not a TCP or Unix domain socket address: " + address);
        };
    }

    static SocketAddress parse(String text) {
        if (text.startsWith("unix:")) {
            return UnixDomainSocketAddress.of(text.substring("unix:".length()));
        }
        if (text.startsWith("tcp:")) {
            int colon = text.lastIndexOf(':');
            return new InetSocketAddress(text.substring("tcp:".length(), colon), Integer.parseInt(text.substring(colon + 1)));
        }
        throw new IllegalArgumentException("not a manager address: " + text);
    }
}
