package dev.spindle.internal.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parent's Unix-domain listener, one per JVM, in a private 0700 folder. Every child connects
 * here and first proves the random token of its launch; the connection is then handed to whoever
 * awaits that token. A connection with an unknown token is dropped.
 */
final class ControlServer {
    private static volatile ControlServer instance;

    private final Path directory;
    private final Path socket;
    private final ServerSocketChannel server;
    private final Map<String, CompletableFuture<ControlChannel>> pending = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    private ControlServer() throws IOException {
        directory = Files.createTempDirectory("spindle-" + ProcessHandle.current().pid() + "-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        socket = directory.resolve("control.sock");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread.ofPlatform().daemon().name("spindle-control-accept").start(this::acceptLoop);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(this::removeFiles));
    }

    static ControlServer get() {
        ControlServer s = instance;
        if (s == null) {
            synchronized (ControlServer.class) {
                s = instance;
                if (s == null) {
                    try {
                        s = instance = new ControlServer();
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot open the control socket", e);
                    }
                }
            }
        }
        return s;
    }

    Path socketPath() {
        return socket;
    }

    /** A fresh token and the future connection of the child that will present it. */
    String newToken() {
        byte[] secret = new byte[16];
        random.nextBytes(secret);
        String token = HexFormat.of().formatHex(secret);
        pending.put(token, new CompletableFuture<>());
        return token;
    }

    CompletableFuture<ControlChannel> connectionFor(String token) {
        return pending.get(token);
    }

    void forget(String token) {
        CompletableFuture<ControlChannel> f = pending.remove(token);
        if (f != null) {
            f.thenAccept(ControlChannel::close);
        }
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel channel = server.accept();
                Thread.ofVirtual().start(() -> handshake(new ControlChannel(channel)));
            } catch (IOException e) {
                return; // closed at exit
            }
        }
    }

    private void handshake(ControlChannel channel) {
        try {
            ControlChannel.Frame hello = channel.read();
            String token = new String(hello.payload(), StandardCharsets.UTF_8);
            CompletableFuture<ControlChannel> waiting = hello.type() == ControlChannel.HELLO ? pending.remove(token) : null;
            if (waiting == null || !waiting.complete(channel)) {
                channel.close();
            }
        } catch (IOException e) {
            channel.close();
        }
    }

    private void removeFiles() {
        try {
            server.close();
            Files.deleteIfExists(socket);
            Files.deleteIfExists(directory);
        } catch (IOException ignored) {
            // best effort at exit
        }
    }
}
