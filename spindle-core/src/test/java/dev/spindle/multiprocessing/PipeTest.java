package dev.spindle.multiprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.ReadLimits;
import dev.spindle.SerializationException;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoLeaks.class)
class PipeTest {

    @Test
    void objectsTravelBothWaysOnADuplexPipe() throws Exception {
        Pipe pipe = Pipe.open();
        try (Connection left = pipe.left(); Connection right = pipe.right()) {
            left.send(List.of(111, 22, 33, 44));
            assertThat(right.<List<Integer>>recv()).containsExactly(111, 22, 33, 44);
            right.send(666);
            assertThat(left.<Integer>recv()).isEqualTo(666);
            left.send(null);
            left.send("文字");
            left.send(Long.MAX_VALUE);
            assertThat(right.<Object>recv()).isNull();
            assertThat(right.<String>recv()).isEqualTo("文字");
            assertThat(right.<Long>recv()).isEqualTo(Long.MAX_VALUE);
        }
    }

    @Test
    void aOneWayPipeReceivesOnTheLeftAndSendsOnTheRight() throws Exception {
        Pipe pipe = Pipe.open(false);
        try (Connection receiver = pipe.left(); Connection sender = pipe.right()) {
            assertThat(receiver.isReadable()).isTrue();
            assertThat(receiver.isWritable()).isFalse();
            assertThat(sender.isWritable()).isTrue();
            assertThat(sender.isReadable()).isFalse();
            assertThatThrownBy(() -> receiver.send(1)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(sender::recv).isInstanceOf(IllegalStateException.class);
            sender.send("one way");
            assertThat(receiver.<String>recv()).isEqualTo("one way");
        }
    }

    @Test
    void byteMessagesKeepTheirBoundariesAndMaxLengthRejectsALongOne() throws Exception {
        Pipe pipe = Pipe.open();
        try (Connection left = pipe.left(); Connection right = pipe.right()) {
            left.sendBytes(new byte[] {1, 2, 3});
            left.sendBytes(new byte[] {9, 8, 7, 6, 5}, 1, 3);
            left.sendBytes(new byte[0]);
            left.sendBytes(new byte[100]);
            left.sendBytes(new byte[] {4});
            assertThat(right.recvBytes()).containsExactly(1, 2, 3);
            assertThat(right.recvBytes(10)).containsExactly(8, 7, 6);
            assertThat(right.recvBytes()).isEmpty();
            assertThatThrownBy(() -> right.recvBytes(10)).isInstanceOf(IOException.class).hasMessageContaining("longer than the receiver's limit of 10 bytes");
            assertThat(right.recvBytes()).containsExactly(4);
        }
    }

    @Test
    void pollTellsWhetherAMessageIsReady() throws Exception {
        Pipe pipe = Pipe.open();
        try (Connection left = pipe.left(); Connection right = pipe.right()) {
            assertThat(right.poll()).isFalse();
            assertThat(right.poll(Duration.ofMillis(50))).isFalse();
            left.send("x");
            assertThat(right.poll(Deadlines.PROMPT)).isTrue();
            assertThat(right.<String>recv()).isEqualTo("x");
        }
    }

    @Test
    void afterTheOtherEndClosesTheRestIsReadThenEof() throws Exception {
        Pipe pipe = Pipe.open();
        Connection left = pipe.left();
        try (Connection right = pipe.right()) {
            left.send(1);
            left.send(2);
            left.close();
            assertThat(left.isClosed()).isTrue();
            assertThat(right.<Integer>recv()).isEqualTo(1);
            assertThat(right.<Integer>recv()).isEqualTo(2);
            assertThat(right.poll()).as("EOF counts as ready").isTrue();
            assertThatThrownBy(right::recv).isInstanceOf(EOFException.class);
            assertThatThrownBy(() -> right.send(3)).isInstanceOf(IOException.class).hasMessageContaining("broken pipe");
            assertThatThrownBy(() -> left.send(3)).isInstanceOf(IOException.class).hasMessageContaining("closed");
        }
    }

    static void consume(Connection unusedWriter, Connection reader, Connection results) throws Exception {
        unusedWriter.close();
        List<Object> got = new ArrayList<>();
        try {
            while (true) {
                got.add(reader.recv());
            }
        } catch (EOFException end) {
            results.send(got);
        }
    }

    @Test
    void eofReachesAChildOnlyOnceEveryCopyOfTheSendingEndIsClosed() throws Exception {
        Pipe pipe = Pipe.open();
        Pipe back = Pipe.open();
        Connection producer = pipe.left();
        Connection consumerEnd = pipe.right();
        ChildProcess consumer = new ChildProcess(
                (Connection[] c) -> consume(c[0], c[1], c[2]), new Connection[] {producer, consumerEnd, back.right()});
        consumer.start();
        consumerEnd.close();
        back.right().close();
        for (int i = 0; i < 10; i++) {
            producer.send(i);
        }
        assertThat(back.left().poll(Deadlines.QUIET)).as("no EOF while the parent still holds the sending end").isFalse();
        producer.close();
        assertThat(back.left().<List<Integer>>recv()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        consumer.join();
        assertThat(consumer.exitCode()).isZero();
        back.left().close();
    }

    static void sendThenDie(Connection c) throws Exception {
        c.send("last words");
        Runtime.getRuntime().halt(7);
    }

    @Test
    void whenTheOtherProcessDiesWithoutClosingRecvGivesEofNotAHang() throws Exception {
        Pipe pipe = Pipe.open();
        try (Connection mine = pipe.left()) {
            ChildProcess child = new ChildProcess(PipeTest::sendThenDie, pipe.right());
            child.start();
            pipe.right().close();
            assertThat(mine.<String>recv()).isEqualTo("last words");
            assertThatThrownBy(mine::recv).isInstanceOf(EOFException.class);
            child.join();
            assertThat(child.exitCode()).isEqualTo(7);
        }
    }

    static void echo(Connection c) throws Exception {
        try (c) {
            while (true) {
                c.send(c.recv());
            }
        } catch (EOFException done) {
            // the parent closed its end
        }
    }

    /** Messages beyond the default 64 MiB limit, which both ends must ask for. */
    private static final ReadLimits LARGE = ReadLimits.defaults().withMaxBytes(65 << 20);

    static void echoLarge(Connection c) throws Exception {
        echo(c.readLimits(LARGE));
    }

    @Test
    void messagesLargerThanTheRingStreamThroughAChild() throws Exception {
        Pipe pipe = Pipe.open();
        pipe.right().readLimits(LARGE); // the end's limit, set before the child has it: the sender checks it
        ChildProcess child = new ChildProcess(PipeTest::echoLarge, pipe.right());
        child.start();
        pipe.right().close();
        try (Connection mine = pipe.left().readLimits(LARGE)) {
            byte[] big = new byte[64 << 20];
            for (int i = 0; i < big.length; i += 4099) {
                big[i] = (byte) i;
            }
            mine.send(big);
            assertThat(Arrays.equals(mine.<byte[]>recv(), big)).isTrue();
            for (int i = 0; i < 1000; i++) {
                mine.send(i);
                assertThat(mine.<Integer>recv()).isEqualTo(i);
            }
        }
        child.join();
        assertThat(child.exitCode()).isZero();
    }

    @Test
    void concurrentSendersNeverInterleaveMessages() throws Exception {
        Pipe pipe = Pipe.open();
        int threads = 4;
        int each = 2000;
        try (Connection left = pipe.left(); Connection right = pipe.right()) {
            List<Thread> senders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                senders.add(Thread.ofPlatform().start(() -> {
                    try {
                        for (int i = 0; i < each; i++) {
                            left.send(id + ":" + i + ":" + "x".repeat(i % 300));
                        }
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            Map<Integer, Integer> next = new ConcurrentHashMap<>();
            for (int n = 0; n < threads * each; n++) {
                String[] parts = right.<String>recv().split(":", -1);
                int id = Integer.parseInt(parts[0]);
                int i = Integer.parseInt(parts[1]);
                assertThat(i).as("messages of one sender arrive in order").isEqualTo(next.getOrDefault(id, 0));
                assertThat(parts[2]).hasSize(i % 300);
                next.put(id, i + 1);
            }
            for (Thread t : senders) {
                t.join();
            }
        }
    }

    @Test
    void waitReturnsTheReadyConnectionsOrNoneAtTheTimeout() throws Exception {
        Pipe a = Pipe.open();
        Pipe b = Pipe.open();
        try (Connection a1 = a.left(); Connection a2 = a.right(); Connection b1 = b.left(); Connection b2 = b.right()) {
            assertThat(Connection.wait(List.of(a2, b2), Duration.ofMillis(30))).isEmpty();
            b1.send("ready");
            assertThat(Connection.wait(List.of(a2, b2), Deadlines.PROMPT)).containsExactly(b2);
            a1.send("also");
            assertThat(Connection.wait(List.of(a2, b2), null)).containsExactly(a2, b2);
        }
    }

    @Test
    void aFailedStartUndoesTheHoldOnAnEndItWouldHaveSent() throws Exception {
        Pipe pipe = Pipe.open();
        Connection left = pipe.left();
        Thread notSerializable = Thread.currentThread();
        ChildProcess p = new ChildProcess((Object[] both) -> { }, new Object[] {pipe.right(), notSerializable});
        assertThatThrownBy(p::start).isInstanceOf(SerializationException.class);
        pipe.right().close();
        assertThatThrownBy(left::recv).as("no phantom holder keeps the end open").isInstanceOf(EOFException.class);
        left.close();
    }
}
