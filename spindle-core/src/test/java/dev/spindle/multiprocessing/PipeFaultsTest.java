package dev.spindle.multiprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.internal.pipe.PipeEnd;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import java.io.EOFException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Processes that die at the worst moment of a pipe transfer. */
@ExtendWith(NoLeaks.class)
class PipeFaultsTest {
    private static void opensUsesAndDrops(int pipes) throws Exception {
        for (int i = 0; i < pipes; i++) {
            Pipe pipe = Pipe.open();
            pipe.left().send(i);
            assertThat(pipe.right().<Integer>recv()).isEqualTo(i);
        }
    }

    @Test
    void pipesDroppedWithoutCloseAreReclaimedAsOtherPrimitivesAre() throws Exception {
        opensUsesAndDrops(50);
        NoLeaks.awaitUnreachableSegmentsRemoved(); // before, they stayed until the program ended
    }

    private static final int DOOMED = 0;
    private static final int SURVIVOR = 1;
    private static final int PARENT = 2;
    private static final int SMALL = 100;
    /** Larger than the ring, so its writer blocks in the middle of it while no one reads. */
    private static final int BIG = 4 * PipeEnd.DEFAULT_CAPACITY;

    /** A message that names its sender and number, and whose every byte can be checked. */
    static byte[] message(int sender, int seq, int size) {
        byte[] bytes = new byte[size];
        ByteBuffer.wrap(bytes).put((byte) sender).putInt(seq);
        for (int i = 5; i < size; i++) {
            bytes[i] = (byte) (sender * 31 + seq + i);
        }
        return bytes;
    }

    /** The sender and number of a message, after checking that every byte is its own. */
    static int[] check(byte[] bytes) {
        ByteBuffer header = ByteBuffer.wrap(bytes);
        int sender = header.get();
        int seq = header.getInt();
        for (int i = 5; i < bytes.length; i++) {
            if (bytes[i] != (byte) (sender * 31 + seq + i)) {
                throw new AssertionError("message " + sender + ":" + seq + " has a foreign byte at " + i);
            }
        }
        return new int[] {sender, seq};
    }

    static void sendSmallThenBig(Connection out) throws Exception {
        for (int seq = 0; seq < 3; seq++) {
            out.sendBytes(message(DOOMED, seq, SMALL));
        }
        for (int seq = 3; ; seq++) {
            out.sendBytes(message(DOOMED, seq, BIG)); // killed in the middle of the first
        }
    }

    static final int SURVIVOR_MESSAGES = 12;

    static void reportThenSend(Connection out, Connection report) throws Exception {
        report.send("ready");
        report.close();
        for (int seq = 0; seq < SURVIVOR_MESSAGES; seq++) {
            out.sendBytes(message(SURVIVOR, seq, seq % 2 == 0 ? SMALL : 3 * PipeEnd.DEFAULT_CAPACITY));
        }
        out.close();
    }

    @Test
    void aWriterKilledMidMessageLeavesOnlyWholeMessagesAndTheOtherSendersGoOn() throws Exception {
        Pipe data = Pipe.open(false);
        Pipe report = Pipe.open(false);
        Connection receiver = data.left();
        Connection sender = data.right();
        ChildProcess doomed = new ChildProcess(PipeFaultsTest::sendSmallThenBig, sender);
        doomed.start();
        for (int seq = 0; seq < 3; seq++) {
            // This process holds the sending end too, so a child that never sends would block recv for good.
            assertThat(receiver.poll(Deadlines.CHILD)).as("message " + seq + " of the doomed child arrives").isTrue();
            assertThat(check(receiver.recvBytes())).containsExactly(DOOMED, seq);
        }
        assertThat(receiver.poll(Deadlines.CHILD)).as("the first bytes of the big message arrive").isTrue();

        ChildProcess survivor = new ChildProcess(PipeFaultsTest::reportThenSend, sender, report.right());
        survivor.start();
        report.right().close();
        assertThat(report.left().<String>recv()).isEqualTo("ready");
        report.left().close();
        int parentMessages = 200;
        CompletableFuture<Void> parentSends = CompletableFuture.runAsync(() -> {
            try (sender) {
                for (int seq = 0; seq < parentMessages; seq++) {
                    sender.sendBytes(message(PARENT, seq, SMALL));
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });

        doomed.kill();
        doomed.join();

        int[] next = new int[3];
        try (receiver) {
            while (next[SURVIVOR] < SURVIVOR_MESSAGES || next[PARENT] < parentMessages) {
                int[] got = check(receiver.recvBytes());
                assertThat(got[0]).as("no part of the killed writer's message is delivered").isNotEqualTo(DOOMED);
                assertThat(got[1]).as("messages of sender " + got[0] + " come once each, in order").isEqualTo(next[got[0]]);
                next[got[0]]++;
            }
            parentSends.get(Deadlines.CHILD.toSeconds(), TimeUnit.SECONDS);
            survivor.join();
            assertThat(survivor.exitCode()).isZero();
            assertThatThrownBy(receiver::recvBytes).as("every sender has closed or died").isInstanceOf(EOFException.class);
        }
        assertThat(doomed.exitCode()).isEqualTo(-9);
    }

    @Test
    void tenThousandVirtualThreadsBlockedInRecvLeaveTheCarriersToOthers() throws Exception {
        int pipes = 4 * Runtime.getRuntime().availableProcessors();
        int perPipe = 10_000 / pipes + 1;
        List<Pipe> opened = new ArrayList<>();
        List<Thread> receivers = new ArrayList<>();
        List<CompletableFuture<Integer>> received = new ArrayList<>();
        for (int p = 0; p < pipes; p++) {
            Pipe pipe = Pipe.open(false);
            opened.add(pipe);
            for (int i = 0; i < perPipe; i++) {
                CompletableFuture<Integer> got = new CompletableFuture<>();
                received.add(got);
                receivers.add(Thread.ofVirtual().start(() -> {
                    try {
                        got.complete(pipe.left().<Integer>recv());
                    } catch (Throwable t) {
                        got.completeExceptionally(t);
                    }
                }));
            }
        }
        Deadlines.await("every receiver is blocked", Deadlines.CHILD,
                () -> receivers.stream().allMatch(t -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING));
        CompletableFuture<String> other = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> other.complete("ran"));
        assertThat(other.get(Deadlines.PROMPT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("ran");
        for (Pipe pipe : opened) {
            for (int i = 0; i < perPipe; i++) {
                pipe.right().send(i);
            }
        }
        for (CompletableFuture<Integer> got : received) {
            assertThat(got.get(Deadlines.CHILD.toSeconds(), TimeUnit.SECONDS)).isBetween(0, perPipe - 1);
        }
        for (Pipe pipe : opened) {
            pipe.left().close();
            pipe.right().close();
        }
    }
}
