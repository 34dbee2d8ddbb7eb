package dev.spindle.internal.pipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import java.io.EOFException;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A reader SIGKILLed in the middle of a message. The writer, a child, is stopped (SIGSTOP) while
 * the ring is full, so the reader drains the ring and then waits in the middle of the message
 * for as long as the test likes; then it is killed, the writer continued, and a new reader takes
 * over the read lock from the dead one.
 */
@ExtendWith(NoLeaks.class)
@SuppressWarnings("serial") // the targets are serializable method references
class ReaderDeathTest {
    private static final int CAPACITY = 1 << 16;
    private ChildProcess writer;

    static byte[] filled(int size, int seed) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) seed);
        return bytes;
    }

    /** Sends messages of the given sizes, message i filled with byte i, then closes. */
    static void sendSizes(PipeEnd out, int[] sizes) throws Exception {
        try (out) {
            for (int i = 0; i < sizes.length; i++) {
                out.send(filled(sizes[i], i), 0, sizes[i]);
            }
        }
    }

    static void readForever(PipeEnd in) throws Exception {
        while (true) {
            in.receive(Integer.MAX_VALUE);
        }
    }

    private static void signal(String signal, long pid) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor()).isZero();
    }

    @AfterEach
    void continueWriter() throws Exception {
        if (writer != null && writer.isAlive()) {
            signal("CONT", writer.pid());
            writer.kill();
            writer.join();
        }
    }

    /**
     * Starts a writer of {@code sizes}, waits for the ring to fill, stops the writer, starts a
     * reader and waits until it has drained the ring, then kills the reader and lets the writer
     * go on. Returns the end the test reads from next.
     */
    private PipeEnd killReaderMidMessage(int[] sizes, long readerStartsAt) throws Exception {
        PipeEnd[] ends = PipeEnd.create(false, CAPACITY, Integer.MAX_VALUE);
        PipeEnd in = ends[0];
        ByteRing ring = in.incoming();
        writer = new ChildProcess(ReaderDeathTest::sendSizes, ends[1], sizes);
        writer.start();
        ends[1].close();
        Deadlines.await("the writer fills the ring", Deadlines.CHILD, () -> ring.available() == CAPACITY);
        signal("STOP", writer.pid());

        ChildProcess reader = new ChildProcess(ReaderDeathTest::readForever, in);
        reader.start();
        Deadlines.await("the reader is in the middle of a message", Deadlines.CHILD,
                () -> ring.readStart() == readerStartsAt && ring.available() < CAPACITY);
        reader.kill();
        reader.join();
        assertThat(reader.exitCode()).isEqualTo(-9);
        signal("CONT", writer.pid());
        return in;
    }

    @Test
    void aReaderKilledInAMessageLargerThanTheRingLeavesTheRestSkippedAndTheNextMessagesWhole() throws Exception {
        int[] sizes = {4 * CAPACITY, 1000, 3 * CAPACITY, 10};
        try (PipeEnd in = killReaderMidMessage(sizes, 0)) {
            for (int i = 1; i < sizes.length; i++) {
                assertThat(in.receive(Integer.MAX_VALUE)).as("message " + i + " whole").isEqualTo(filled(sizes[i], i));
            }
            assertThatThrownBy(() -> in.receive(Integer.MAX_VALUE)).isInstanceOf(EOFException.class);
        }
        writer.join();
        assertThat(writer.exitCode()).isZero();
    }

    @Test
    void aReaderKilledInAMessageSmallerThanTheRingLeavesItWholeToTheNextReader() throws Exception {
        // The first message leaves room for only part of the second, so the ring is full with the
        // second one begun; the reader takes the first and then waits inside the second.
        int first = CAPACITY - 1000;
        int[] sizes = {first, CAPACITY / 2, 10};
        try (PipeEnd in = killReaderMidMessage(sizes, first + PipeLayout.FRAMING)) {
            for (int i = 1; i < sizes.length; i++) {
                assertThat(in.receive(Integer.MAX_VALUE)).as("message " + i + " whole").isEqualTo(filled(sizes[i], i));
            }
            assertThatThrownBy(() -> in.receive(Integer.MAX_VALUE)).isInstanceOf(EOFException.class);
        }
        writer.join();
        assertThat(writer.exitCode()).isZero();
    }
}
