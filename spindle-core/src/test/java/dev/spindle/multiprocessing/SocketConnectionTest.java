package dev.spindle.multiprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.Context;
import dev.spindle.ReadLimits;
import dev.spindle.SerializationException;
import dev.spindle.Spindle;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Listener and Client over TCP and Unix domain sockets: the Connection contract, the handshake, and hostile peers. */
@ExtendWith(NoLeaks.class)
@SuppressWarnings("unchecked") // recv is typed by the caller
class SocketConnectionTest {
    private static final byte[] KEY = "secret password".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;

    static Stream<String> families() {
        return Stream.of("tcp", "unix");
    }

    static Listener listen(String family) throws IOException {
        return family.equals("tcp") ? Listener.open(new InetSocketAddress("127.0.0.1", 0), KEY)
                : Listener.open(UnixDomainSocketAddress.of(dir.resolve("l-" + System.nanoTime() + ".sock")), KEY);
    }

    /** A connected pair: the client's end first, the listener's second. */
    static Connection[] pair(Listener listener) throws Exception {
        CompletableFuture<Connection> accepted = CompletableFuture.supplyAsync(() -> {
            try {
                return listener.accept();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Connection client = Client.connect(listener.address(), KEY);
        return new Connection[] {client, accepted.get(Deadlines.PROMPT.toSeconds(), TimeUnit.SECONDS)};
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void messagesArriveWholeAndInOrderBothWays(String family) throws Exception {
        try (Listener listener = listen(family)) {
            Connection[] ends = pair(listener);
            try (Connection client = ends[0]; Connection server = ends[1]) {
                client.send(Map.of("tea", 3));
                client.sendBytes(new byte[] {1, 2, 3, 4, 5}, 1, 3);
                byte[] large = new byte[8 << 20];
                Arrays.fill(large, (byte) 7);
                // larger than the sockets' buffers: it streams while the other side reads
                CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
                    try {
                        client.sendBytes(large);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
                server.send(List.of("a", "b"));
                assertThat((Map<String, Integer>) server.recv()).containsEntry("tea", 3);
                assertThat(server.recvBytes()).containsExactly(2, 3, 4);
                assertThat(server.recvBytes()).isEqualTo(large);
                sent.get(Deadlines.PROMPT.toSeconds(), TimeUnit.SECONDS);
                assertThat((List<String>) client.recv()).containsExactly("a", "b");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void whatWasSentIsReadBeforeEndOfFile(String family) throws Exception {
        try (Listener listener = listen(family)) {
            Connection[] ends = pair(listener);
            ends[0].send("last words");
            ends[0].close();
            assertThat((String) ends[1].recv()).isEqualTo("last words");
            assertThat(ends[1].poll(Deadlines.PROMPT)).as("EOF is ready").isTrue();
            assertThatThrownBy(ends[1]::recv).isInstanceOf(EOFException.class);
            ends[1].close();
            assertThatThrownBy(() -> ends[1].send(1)).isInstanceOf(IOException.class).hasMessageContaining("closed");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void aMessageLongerThanTheReceiverTakesIsSkippedAndTheNextIsRead(String family) throws Exception {
        try (Listener listener = listen(family)) {
            Connection[] ends = pair(listener);
            try (Connection client = ends[0]; Connection server = ends[1]) {
                client.sendBytes(new byte[100]);
                client.sendBytes(new byte[] {9});
                assertThatThrownBy(() -> server.recvBytes(10)).isInstanceOf(IOException.class).hasMessageContaining("100");
                assertThat(server.recvBytes(10)).containsExactly(9);
                server.readLimits(ReadLimits.defaults().withMaxBytes(16));
                client.send("x".repeat(100));
                assertThatThrownBy(server::recv).isInstanceOf(SerializationException.class);
            }
        }
    }

    @Test
    void waitWakesForAPipeOrASocketWithoutPolling() throws Exception {
        try (Listener listener = listen("tcp")) {
            Connection[] ends = pair(listener);
            Pipe pipe = Pipe.open();
            try (Connection client = ends[0]; Connection server = ends[1]; Connection left = pipe.left(); Connection right = pipe.right()) {
                assertThat(Connection.wait(List.of(server, left), Duration.ofMillis(20))).isEmpty();
                CompletableFuture<List<Connection>> waiting = CompletableFuture.supplyAsync(() -> {
                    try {
                        return Connection.wait(List.of(server, left), null);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                client.send("over the socket");
                assertThat(waiting.get(Deadlines.PROMPT.toSeconds(), TimeUnit.SECONDS)).containsExactly(server);
                right.send("over the pipe");
                assertThat(Connection.wait(List.of(server, left), Deadlines.PROMPT)).containsExactlyInAnyOrder(server, left);
            }
        }
    }

    @Test
    void aWrongKeyFailsOnBothSidesAndTheListenerGoesOn() throws Exception {
        try (Listener listener = listen("tcp")) {
            assertThatThrownBy(() -> Client.connect(listener.address(), "wrong".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(AuthenticationException.class);
            assertThatThrownBy(listener::accept).isInstanceOf(AuthenticationException.class);
            Connection[] ends = pair(listener);
            ends[0].send(1);
            assertThat((Integer) ends[1].recv()).isEqualTo(1);
            ends[0].close();
            ends[1].close();
        }
    }

    @Test
    void hostilePeersAreRefusedWithoutHoldingUpOthers() throws Exception {
        try (Listener listener = listen("tcp"); Socket stalled = connectRaw(listener.address())) {
            assertThat(stalled.isConnected()).isTrue();
            try (Socket garbage = connectRaw(listener.address())) {
                garbage.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertThatThrownBy(listener::accept).isInstanceOf(AuthenticationException.class);
            }
            try (Socket huge = connectRaw(listener.address())) {
                // a frame header announcing 2 GiB, as a first answer: refused unread, nothing allocated for it
                OutputStream out = huge.getOutputStream();
                readChallenge(huge);
                out.write(ByteBuffer.allocate(6).putInt(Integer.MAX_VALUE).put((byte) 1).put((byte) 11).array());
                assertThatThrownBy(listener::accept).isInstanceOf(AuthenticationException.class)
                        .hasMessageContaining("longer than");
            }
            // the stalled peer never answers; a good client is accepted meanwhile
            Connection[] ends = pair(listener);
            ends[0].close();
            ends[1].close();
        }
    }

    private static Socket connectRaw(SocketAddress address) throws IOException {
        Socket socket = new Socket();
        socket.connect(address);
        socket.setSoTimeout((int) Deadlines.PROMPT.toMillis());
        return socket;
    }

    private static void readChallenge(Socket socket) throws IOException {
        byte[] frame = socket.getInputStream().readNBytes(6 + 32);
        assertThat(frame).hasSize(38);
    }

    static void answer(SocketAddress address) throws Exception {
        try (Connection c = Client.connect(address)) {
            c.send("child " + ProcessHandle.current().pid() + " knows the key");
        }
    }

    @Test
    @SuppressWarnings("serial") // a method reference of this test, meant to travel
    void aChildInheritsTheAuthkeyAndConnectsWithoutOne() throws Exception {
        try (Listener listener = Listener.tcp(0)) {
            BaseProcess child = Context.processes().process(SocketConnectionTest::answer, listener.address());
            child.start();
            try (Connection c = listener.accept()) {
                assertThat((String) c.recv()).endsWith("knows the key");
            }
            child.join();
            assertThat(child.exitCode()).isZero();
            byte[] copy = Spindle.authkey();
            assertThat(copy).hasSize(32).containsExactly(Spindle.authkey());
            copy[0]++;
            assertThat(Spindle.authkey()).as("a copy is handed out").isNotEqualTo(copy);
        }
    }

    static void hold(Connection connection) {
        connection.close();
    }

    @Test
    @SuppressWarnings("serial")
    void aSocketConnectionCannotBeSentToAnotherProcess() throws Exception {
        try (Listener listener = listen("tcp")) {
            Connection[] ends = pair(listener);
            BaseProcess child = Context.processes().process(SocketConnectionTest::hold, ends[0]);
            assertThatThrownBy(child::start).isInstanceOf(SerializationException.class)
                    .hasMessageContaining("socket cannot cross into another process");
            ends[0].close();
            ends[1].close();
        }
    }

    @Test
    void aUnixListenerLivesInTheControlFolderAndRemovesItsFile() throws Exception {
        Path file;
        try (Listener listener = Listener.unix()) {
            file = ((UnixDomainSocketAddress) listener.address()).getPath();
            assertThat(file).exists();
            assertThat(file.getParent().getFileName().toString()).startsWith("spindle-" + ProcessHandle.current().pid());
        }
        assertThat(Files.exists(file)).isFalse();
    }

    @Test
    void closingTheListenerEndsAnAcceptAndAnEmptyKeyIsRefused() throws Exception {
        Listener listener = listen("tcp");
        CompletableFuture<Throwable> accepting = CompletableFuture.supplyAsync(() -> {
            try {
                listener.accept();
                return null;
            } catch (Exception e) {
                return e;
            }
        });
        listener.close();
        assertThat(accepting.get(Deadlines.PROMPT.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(IOException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> Listener.open(new InetSocketAddress(0), new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Client.connect(listener.address(), KEY)).as("nothing listens any more")
                .isInstanceOf(IOException.class);
    }
}
