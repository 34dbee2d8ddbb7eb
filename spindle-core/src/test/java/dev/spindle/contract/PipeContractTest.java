package dev.spindle.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.Context;
import dev.spindle.ReadLimits;
import dev.spindle.SerializationException;
import dev.spindle.multiprocessing.BaseProcess;
import dev.spindle.multiprocessing.Connection;
import dev.spindle.multiprocessing.Pipe;
import dev.spindle.multiprocessing.StartMethod;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A pipe as every context makes it — shared memory between child JVMs started each way, memory of
 * this JVM between threads — keeps one contract: whole messages in order, EOF, broken pipes,
 * directions, limits, and the same program with a process of the context at the other end.
 */
@ExtendWith(NoLeaks.class)
@SuppressWarnings("unchecked") // recv is typed by the caller
class PipeContractTest {
    static Stream<Context> contexts() {
        return Stream.of(Context.processes(StartMethod.SPAWN), Context.processes(StartMethod.WARM), Context.threads(),
                Context.virtualThreads());
    }

    /** The far end of an echo: doubles each number it receives until EOF. */
    static void doubler(Connection end) throws IOException {
        try (end) {
            while (true) {
                int n;
                try {
                    n = end.recv();
                } catch (EOFException eof) {
                    return;
                }
                end.send(2 * n);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    @SuppressWarnings("serial") // a method reference of this test, meant to travel
    void aProcessOfTheContextAnswersAtTheOtherEnd(Context ctx) throws Exception {
        Pipe pipe = ctx.pipe();
        BaseProcess far = ctx.process(PipeContractTest::doubler, pipe.right());
        far.start();
        if (ctx.kind() == Context.Kind.PROCESSES) {
            pipe.right().close(); // the child holds its own copy
        }
        try (Connection near = pipe.left()) {
            for (int i = 1; i <= 100; i++) {
                near.send(i);
                assertThat((Integer) near.recv()).isEqualTo(2 * i);
            }
        }
        far.join();
        assertThat(far.exitCode()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void messagesArriveWholeAndInOrderBothWays(Context ctx) throws Exception {
        Pipe pipe = ctx.pipe(true);
        try (Connection left = pipe.left(); Connection right = pipe.right()) {
            left.send(Map.of("tea", 3));
            left.sendBytes(new byte[] {1, 2, 3, 4, 5}, 1, 3);
            right.send(List.of("a", "b"));
            assertThat((Map<String, Integer>) right.recv()).containsEntry("tea", 3);
            assertThat(right.recvBytes()).containsExactly(2, 3, 4);
            assertThat((List<String>) left.recv()).containsExactly("a", "b");
            assertThat(left.isReadable() && left.isWritable()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void aOneWayPipeReceivesOnTheLeftAndSendsOnTheRight(Context ctx) throws Exception {
        Pipe pipe = ctx.pipe(false);
        try (Connection left = pipe.left(); Connection right = pipe.right()) {
            assertThat(left.isReadable()).isTrue();
            assertThat(left.isWritable()).isFalse();
            assertThat(right.isReadable()).isFalse();
            assertThat(right.isWritable()).isTrue();
            assertThatThrownBy(() -> left.send("x")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(right::recv).isInstanceOf(IllegalStateException.class);
            right.send("x");
            assertThat((String) left.recv()).isEqualTo("x");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void whatWasSentIsReadBeforeEndOfFile(Context ctx) throws Exception {
        Pipe pipe = ctx.pipe();
        Connection left = pipe.left();
        Connection right = pipe.right();
        right.send("last words");
        right.close();
        assertThat(left.poll(Duration.ZERO)).isTrue();
        assertThat((String) left.recv()).isEqualTo("last words");
        assertThat(left.poll(Deadlines.PROMPT)).as("EOF is ready at once").isTrue();
        assertThatThrownBy(left::recv).isInstanceOf(EOFException.class);
        left.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void sendingToAClosedEndIsABrokenPipe(Context ctx) throws Exception {
        Pipe pipe = ctx.pipe();
        pipe.left().close();
        try (Connection right = pipe.right()) {
            assertThatThrownBy(() -> right.send("anyone?")).isInstanceOf(IOException.class).hasMessageContaining("broken pipe");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void aClosedEndRefusesEverything(Context ctx) throws Exception {
        Pipe pipe = ctx.pipe();
        Connection left = pipe.left();
        left.close();
        left.close(); // idempotent
        assertThat(left.isClosed()).isTrue();
        assertThatThrownBy(() -> left.send(1)).isInstanceOf(IOException.class);
        assertThatThrownBy(left::recv).isInstanceOf(IOException.class);
        pipe.right().close();
    }

    /**
     * CPython's {@code _TestConnection.test_connection}, its checks of the ends themselves: both
     * ends of a duplex pipe read and write; a negative poll timeout returns at once; a write-only
     * end cannot poll; a byte range outside the array is refused before anything is sent.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void theEndsCheckTheirDirectionTimeoutsAndRanges(Context ctx) throws Exception {
        Pipe duplex = ctx.pipe();
        try (Connection a = duplex.left(); Connection b = duplex.right()) {
            assertThat(List.of(a.isReadable(), a.isWritable(), b.isReadable(), b.isWritable())).containsOnly(true);
            assertThat(a.poll(Duration.ofMillis(-1))).isFalse();
            byte[] message = "abcdefghijklmnopqrstuvwxyz".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            assertThatThrownBy(() -> b.sendBytes(message, -1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> b.sendBytes(message, 4, -1)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> b.sendBytes(message, 20, 7)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThat(a.poll()).as("nothing was sent").isFalse();
            b.sendBytes(message, 8, 4);
            assertThat(a.recvBytes()).isEqualTo("ijkl".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        Pipe oneWay = ctx.pipe(false);
        try (Connection reader = oneWay.left(); Connection writer = oneWay.right()) {
            assertThatThrownBy(writer::poll).isInstanceOf(IllegalStateException.class);
            assertThat(reader.poll()).isFalse();
        }
    }

    /** CPython's {@code _TestConnection.test_empty_string}: an empty message is ready, and stays ready until read. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void anEmptyMessageIsReadyUntilItIsRead(Context ctx) throws Exception {
        Pipe pipe = ctx.pipe();
        try (Connection a = pipe.left(); Connection b = pipe.right()) {
            assertThat(a.poll()).isFalse();
            b.sendBytes(new byte[0]);
            assertThat(a.poll(Deadlines.PROMPT)).isTrue();
            assertThat(a.poll()).isTrue();
            assertThat(a.recvBytes()).isEmpty();
            assertThat(a.poll()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void pollWaitsForAMessageAndWaitPicksTheReadyConnections(Context ctx) throws Exception {
        Pipe first = ctx.pipe();
        Pipe second = ctx.pipe();
        try (Connection a = first.left(); Connection b = first.right(); Connection c = second.left(); Connection d = second.right()) {
            assertThat(a.poll()).isFalse();
            assertThat(a.poll(Duration.ofMillis(1))).isFalse();
            assertThat(Connection.wait(List.of(a, c), Duration.ZERO)).isEmpty();
            d.send("for c");
            assertThat(Connection.wait(List.of(a, c), Deadlines.PROMPT)).containsExactly(c);
            b.send("for a");
            assertThat(a.poll(Deadlines.PROMPT)).isTrue();
            assertThat((String) a.recv()).isEqualTo("for a");
            assertThat((String) c.recv()).isEqualTo("for c");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void aMessageLongerThanTheReceiverAcceptsIsRefusedAtTheSender(Context ctx) throws Exception {
        Pipe pipe = ctx.pipe();
        try (Connection left = pipe.left(); Connection right = pipe.right()) {
            left.readLimits(ReadLimits.defaults().withMaxBytes(16));
            assertThatThrownBy(() -> right.sendBytes(new byte[17])).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("17");
            right.sendBytes(new byte[16]);
            assertThat(left.recvBytes()).hasSize(16);
        }
    }

    @Test
    @SuppressWarnings("serial")
    void aThreadsPipeCannotCrossIntoAChildJvm() throws Exception {
        Pipe pipe = Context.threads().pipe();
        BaseProcess child = Context.processes().process(PipeContractTest::doubler, pipe.right());
        assertThatThrownBy(child::start).isInstanceOf(SerializationException.class)
                .hasMessageContaining("Connection made by a threads context");
        pipe.left().close();
        pipe.right().close();
    }
}
