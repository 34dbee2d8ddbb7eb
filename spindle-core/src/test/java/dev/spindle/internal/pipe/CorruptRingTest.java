package dev.spindle.internal.pipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.multiprocessing.BrokenPipeException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bytes in a pipe's ring that no sender wrote (a fault campaign's stray writes): each is found the
 * first time it is met, the pipe is marked broken for every process, and every later call on
 * either end throws a BrokenPipeException naming the pipe and what was wrong. Before, such bytes
 * made recv wait for ever and swallow the next message, throw the same error on every call for
 * ever, deliver an old message hundreds of times, or block the sender.
 */
class CorruptRingTest {
    private final PipeEnd[] ends = PipeEnd.create(true, PipeEnd.DEFAULT_CAPACITY, 64 << 20);
    private final PipeEnd receiver = ends[0];
    private final PipeEnd sender = ends[1];

    @AfterEach
    void close() {
        receiver.close();
        sender.close();
    }

    private static byte[] header(int length, int behind) {
        return ByteBuffer.allocate(4 + behind).putInt(length).array();
    }

    /** The pipe is broken for good: both ends, both directions of use, and the exception names it. */
    private void assertBrokenEverywhere(String reason) {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> receiver.receive(Integer.MAX_VALUE)).isInstanceOf(BrokenPipeException.class)
                    .hasMessageContaining("is broken: " + reason).hasMessageContaining("open a new pipe");
            assertThatThrownBy(() -> sender.send(new byte[] {1, 2, 3})).isInstanceOf(BrokenPipeException.class);
            assertThatThrownBy(() -> receiver.poll(0)).isInstanceOf(BrokenPipeException.class);
        }
    }

    @Test
    void aLengthNoSenderWroteIsFoundInsteadOfWaitingForEver() throws Exception {
        sender.send(new byte[] {7});
        assertThat(receiver.receive(100)).containsExactly(7);
        receiver.incoming().strayWrite(header(60_000_000, 16), 20);
        assertThatThrownBy(() -> receiver.receive(Integer.MAX_VALUE)).isInstanceOf(BrokenPipeException.class)
                .hasMessageContaining("runs past what any sender wrote");
        assertBrokenEverywhere("a message runs past");
    }

    @Test
    void aHugeLengthOverTheLimitIsFoundInsteadOfSkippingForEver() {
        receiver.incoming().strayWrite(header(0x7FFFFFFF, 16), 20);
        assertThatThrownBy(() -> receiver.receive(64 << 20)).isInstanceOf(BrokenPipeException.class);
        assertBrokenEverywhere("a message runs past");
    }

    @Test
    void aNegativeLengthBreaksThePipeOnceNotOnEveryCallAnew() {
        receiver.incoming().strayWrite(header(-5, 0), 4);
        assertThatThrownBy(() -> receiver.receive(100)).isInstanceOf(BrokenPipeException.class)
                .hasMessageContaining("negative length");
        assertBrokenEverywhere("a message announces a negative length");
    }

    @Test
    void garbageThatLooksLikeAMessageButDoesNotEndAsOneBreaksIt() {
        byte[] message = ByteBuffer.allocate(4 + 3 + 1).putInt(3).put(new byte[] {1, 2, 3}).put((byte) 9).array();
        receiver.incoming().strayWrite(message, message.length);
        assertThatThrownBy(() -> receiver.receive(100)).isInstanceOf(BrokenPipeException.class);
        assertBrokenEverywhere("a message does not end as messages end");
    }

    @Test
    void aTailMovedBehindTheHeadOrFarAheadBreaksItForReaderAndSender() throws Exception {
        sender.send(new byte[] {1});
        assertThat(receiver.receive(100)).containsExactly(1);
        receiver.incoming().strayWrite(new byte[0], -1_000);
        assertThatThrownBy(() -> receiver.receive(100)).isInstanceOf(BrokenPipeException.class)
                .hasMessageContaining("position is outside the ring");
        assertBrokenEverywhere("its read or write position");
    }

    @Test
    void aTailMovedFarAheadDeliversNothingTwiceAndDoesNotBlockTheSender() throws Exception {
        sender.send(new byte[] {1, 2});
        assertThat(receiver.receive(100)).containsExactly(1, 2);
        receiver.incoming().strayWrite(new byte[0], 1L << 40);
        byte[] big = new byte[PipeEnd.DEFAULT_CAPACITY]; // needs room the forged tail says there is not
        Arrays.fill(big, (byte) 1);
        assertThatThrownBy(() -> sender.send(big)).isInstanceOf(BrokenPipeException.class);
        assertBrokenEverywhere("its read or write position");
    }
}
