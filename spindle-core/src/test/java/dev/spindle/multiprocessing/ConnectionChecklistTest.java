package dev.spindle.multiprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cases of CPython's {@code Lib/test/_test_multiprocessing.py} for connections ({@code _TestConnection},
 * {@code _TestPoll}, {@code _TestWait}), each test naming the one it answers, run over a pipe's
 * ends, an in-process pipe's (a threads context's) and a TCP and a Unix domain socket's where the
 * case is not a shared-memory pipe's own.
 */
@ExtendWith(NoLeaks.class)
@SuppressWarnings("serial") // the targets are serializable method references
class ConnectionChecklistTest {
    private static final byte[] ALPHABET = "abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);

    /** Two connected ends, and what else must close with them (a socket's listener). */
    record Ends(Connection a, Connection b, Runnable closeRest) implements AutoCloseable {
        @Override
        public void close() {
            a.close();
            b.close();
            closeRest.run();
        }
    }

    /** A way to connect two ends in this process. */
    record Kind(String name, Opener open) {
        @Override
        public String toString() {
            return name;
        }
    }

    interface Opener {
        Ends open() throws Exception;
    }

    static Stream<Kind> kinds() {
        return Stream.of(
                new Kind("pipe", () -> {
                    Pipe pipe = Pipe.open();
                    return new Ends(pipe.left(), pipe.right(), () -> { });
                }),
                new Kind("in-process pipe", () -> {
                    Pipe pipe = Pipe.inProcess(true);
                    return new Ends(pipe.left(), pipe.right(), () -> { });
                }),
                new Kind("tcp", () -> socketEnds("tcp")),
                new Kind("unix", () -> socketEnds("unix")));
    }

    /** A client's end and the end its listener accepted, with this process's authkey. */
    private static Ends socketEnds(String family) throws Exception {
        Listener listener = family.equals("tcp") ? Listener.tcp(0) : Listener.unix();
        CompletableFuture<Connection> accepted = CompletableFuture.supplyAsync(() -> {
            try {
                return listener.accept();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Connection client = Client.connect(listener.address());
        return new Ends(client, accepted.get(Deadlines.PROMPT.toSeconds(), TimeUnit.SECONDS), listener::close);
    }

    /**
     * CPython's {@code _TestConnection.test_connection}: {@code poll(-1)} on nothing returns False
     * at once; a timeout too large or too small for a long of nanoseconds is no error either.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void pollWithANegativeTimeoutSaysWhatIsReadyWithoutWaiting(Kind kind) throws Exception {
        try (Ends ends = kind.open().open()) {
            assertThat(ends.b().poll(Duration.ofSeconds(-1))).isFalse();
            assertThat(ends.b().poll(Duration.ofNanos(Long.MIN_VALUE))).isFalse();
            assertThat(ends.b().poll(Duration.ofSeconds(Long.MIN_VALUE))).isFalse();
            ends.a().send("ready");
            assertThat(ends.b().poll(ChronoUnit.FOREVER.getDuration())).isTrue();
            assertThat(ends.b().poll(Duration.ofSeconds(-1))).as("a message is there: ready, at once").isTrue();
            assertThat(ends.b().<String>recv()).isEqualTo("ready");
        }
    }

    /** CPython's {@code _TestConnection.test_connection}: both ends of a duplex connection are readable and writable. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void bothEndsOfADuplexConnectionAreReadableAndWritable(Kind kind) throws Exception {
        try (Ends ends = kind.open().open()) {
            for (Connection end : List.of(ends.a(), ends.b())) {
                assertThat(end.isReadable()).isTrue();
                assertThat(end.isWritable()).isTrue();
                assertThat(end.toString()).contains("rw");
            }
            ends.a().send(1);
            ends.b().send(2);
            assertThat(ends.b().<Integer>recv()).isEqualTo(1);
            assertThat(ends.a().<Integer>recv()).isEqualTo(2);
        }
    }

    /**
     * CPython's {@code _TestConnection.test_duplex_false}: a one-way pipe's sending end cannot
     * receive, nor poll ({@code OSError} there, {@link IllegalStateException} here), and its
     * receiving end cannot send.
     */
    @Test
    void pollAndEveryReceiveOnASendOnlyEndThrow() throws Exception {
        Pipe pipe = Pipe.open(false);
        try (Connection reader = pipe.left(); Connection writer = pipe.right()) {
            assertThatThrownBy(writer::poll).isInstanceOf(IllegalStateException.class).hasMessageContaining("write-only");
            assertThatThrownBy(() -> writer.poll(Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(writer::recvBytes).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> writer.recvBytesInto(new byte[8])).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> reader.sendBytes(new byte[1])).isInstanceOf(IllegalStateException.class);
            writer.send(1);
            assertThat(reader.<Integer>recv()).isEqualTo(1);
        }
    }

    /**
     * CPython's {@code _TestConnection.test_sendbytes}: an offset or size outside the buffer is
     * refused ({@code ValueError} there, {@link IndexOutOfBoundsException} here) and nothing is
     * sent; offsets at the very end send an empty message.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void sendBytesWithAnOffsetOrSizeOutsideTheBufferIsRefusedAndSendsNothing(Kind kind) throws Exception {
        try (Ends ends = kind.open().open()) {
            Connection a = ends.a();
            Connection b = ends.b();
            a.sendBytes(ALPHABET, 5, ALPHABET.length - 5);
            assertThat(b.recvBytes()).isEqualTo(Arrays.copyOfRange(ALPHABET, 5, 26));
            a.sendBytes(ALPHABET, 7, 8);
            assertThat(b.recvBytes()).isEqualTo(Arrays.copyOfRange(ALPHABET, 7, 15));
            a.sendBytes(ALPHABET, 26, 0);
            assertThat(b.recvBytes()).isEmpty();
            assertThatThrownBy(() -> a.sendBytes(ALPHABET, 27, 0)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> a.sendBytes(ALPHABET, 22, 5)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> a.sendBytes(ALPHABET, 26, 1)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> a.sendBytes(ALPHABET, -1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> a.sendBytes(ALPHABET, 4, -1)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThat(b.poll()).as("nothing was sent").isFalse();
        }
    }

    /**
     * CPython's {@code _TestConnection} on a closed handle ({@code _check_closed}: {@code OSError}
     * "handle is closed"): every call but {@code close} on an end this process closed throws an
     * {@link IOException}, and {@code close} again does nothing.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void everyCallOnAClosedEndThrowsAnIOException(Kind kind) throws Exception {
        try (Ends ends = kind.open().open()) {
            Connection a = ends.a();
            ends.b().send("waiting");
            a.close();
            a.close();
            assertThat(a.isClosed()).isTrue();
            assertThatThrownBy(a::recv).isInstanceOf(IOException.class).isNotInstanceOf(EOFException.class)
                    .hasMessageContaining("closed");
            assertThatThrownBy(a::recvBytes).isInstanceOf(IOException.class).hasMessageContaining("closed");
            assertThatThrownBy(() -> a.recvBytesInto(new byte[64])).isInstanceOf(IOException.class);
            assertThatThrownBy(a::poll).isInstanceOf(IOException.class).hasMessageContaining("closed");
            assertThatThrownBy(() -> a.send("x")).isInstanceOf(IOException.class).hasMessageContaining("closed");
        }
    }

    /** CPython's {@code _TestPoll.test_empty_string}: an empty message makes poll true, and poll does not consume it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void anEmptyMessageMakesPollTrueAndPollLeavesItThere(Kind kind) throws Exception {
        try (Ends ends = kind.open().open()) {
            assertThat(ends.a().poll()).isFalse();
            ends.b().sendBytes(new byte[0]);
            assertThat(ends.a().poll(Deadlines.PROMPT)).isTrue();
            assertThat(ends.a().poll()).isTrue();
            assertThat(ends.a().poll()).isTrue();
            assertThat(ends.a().recvBytes()).isEmpty();
            assertThat(ends.a().poll()).isFalse();
        }
    }

    static void pollsAndExits(Connection reader) throws IOException {
        if (!reader.poll(Deadlines.CHILD)) {
            throw new IllegalStateException("no message came to poll");
        }
    }

    /**
     * CPython's {@code _TestPoll.test_boundaries}: a child that polls a pipe (and, with ours,
     * sees a message ready) takes nothing from it, not even part of a message: the parent then
     * receives every message whole.
     */
    @Test
    void anotherProcesssPollConsumesNothing() throws Exception {
        Pipe pipe = Pipe.open(false);
        try (Connection reader = pipe.left(); Connection writer = pipe.right()) {
            ChildProcess child = new ChildProcess(ConnectionChecklistTest::pollsAndExits, reader);
            child.start();
            writer.sendBytes("first".getBytes(StandardCharsets.US_ASCII));
            writer.sendBytes(new byte[256 << 10]); // many pages, still within the ring: no reader is needed to send it
            writer.sendBytes("second".getBytes(StandardCharsets.US_ASCII));
            assertThat(child.join(Deadlines.CHILD)).isTrue();
            assertThat(child.exitCode()).as("the child's poll saw a message").isZero();
            assertThat(new String(reader.recvBytes(), StandardCharsets.US_ASCII)).isEqualTo("first");
            assertThat(reader.recvBytes()).hasSize(256 << 10);
            assertThat(new String(reader.recvBytes(), StandardCharsets.US_ASCII)).isEqualTo("second");
            assertThat(reader.poll()).isFalse();
        }
    }

    /** CPython's {@code _TestWait.test_neg_timeout}: {@code wait} with a negative timeout returns at once. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void waitWithANegativeTimeoutReturnsWhatIsReadyAtOnce(Kind kind) throws Exception {
        try (Ends ends = kind.open().open()) {
            assertThat(Connection.wait(List.of(ends.a()), Duration.ofSeconds(-1))).isEmpty();
            assertThat(Connection.wait(List.of(ends.a()), Duration.ofSeconds(Long.MIN_VALUE))).isEmpty();
            ends.b().send("ready");
            assertThat(ends.a().poll(Deadlines.PROMPT)).isTrue();
            assertThat(Connection.wait(List.of(ends.a(), ends.b()), Duration.ofSeconds(-1))).containsExactly(ends.a());
        }
    }

    static void echoesBytes(Connection c) throws IOException {
        try (c) {
            while (true) {
                c.sendBytes(c.recvBytes());
            }
        } catch (EOFException done) {
            // the parent closed its end
        }
    }

    private static byte[] ints(int... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Integer.BYTES);
        for (int v : values) {
            buffer.putInt(v);
        }
        return buffer.array();
    }

    /**
     * CPython's {@code _TestConnection.test_connection}, its {@code recv_bytes_into} part, through a
     * child that echoes: the message lands at the offset and the rest of the buffer is untouched;
     * one longer than the room throws {@link BufferTooShort} carrying the whole message (Python's
     * {@code e.args[0]}), the buffer unchanged and the pipe going on; an offset outside the buffer
     * is refused before anything is received.
     */
    @Test
    void recvBytesIntoFillsTheBufferAtTheOffsetOrThrowsBufferTooShortWithTheWholeMessage() throws Exception {
        Pipe pipe = Pipe.open();
        Connection conn = pipe.left();
        ChildProcess echo = new ChildProcess(ConnectionChecklistTest::echoesBytes, pipe.right());
        echo.start();
        pipe.right().close();
        byte[] arr = ints(0, 1, 2, 3);

        byte[] exact = new byte[arr.length];
        conn.sendBytes(arr);
        assertThat(conn.recvBytesInto(exact)).isEqualTo(16);
        assertThat(exact).isEqualTo(arr);

        byte[] buffer = new byte[40];
        conn.sendBytes(arr);
        assertThat(conn.recvBytesInto(buffer)).isEqualTo(16);
        assertThat(buffer).isEqualTo(ByteBuffer.allocate(40).put(arr).array());

        buffer = new byte[40];
        conn.sendBytes(arr);
        assertThat(conn.recvBytesInto(buffer, 12)).isEqualTo(16);
        assertThat(buffer).isEqualTo(ByteBuffer.allocate(40).position(12).put(arr).array());

        byte[] spaces = new byte[40];
        Arrays.fill(spaces, (byte) ' ');
        byte[] longmsg = new byte[1024 * 32];
        Arrays.fill(longmsg, (byte) 'X');
        conn.sendBytes(longmsg);
        BufferTooShort tooShort = catchThrowableOfType(BufferTooShort.class, () -> conn.recvBytesInto(spaces));
        assertThat(tooShort.wholeMessage()).isEqualTo(longmsg);
        assertThat(tooShort).hasMessageContaining("32768 bytes").hasMessageContaining("40 bytes");
        assertThat(spaces).as("the buffer is left as it was").containsOnly((byte) ' ');
        conn.sendBytes(arr);
        assertThatThrownBy(() -> conn.recvBytesInto(spaces, 30)).isInstanceOf(BufferTooShort.class);

        conn.sendBytes(new byte[0]);
        assertThat(conn.poll(Deadlines.CHILD)).isTrue();
        assertThatThrownBy(() -> conn.recvBytesInto(spaces, -1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> conn.recvBytesInto(spaces, 41)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(conn.recvBytesInto(spaces, 40)).as("the refused calls took nothing; at the end fits an empty one")
                .isZero();
        conn.close();
        assertThat(echo.join(Deadlines.CHILD)).isTrue();
        assertThat(echo.exitCode()).isZero();
    }
}
