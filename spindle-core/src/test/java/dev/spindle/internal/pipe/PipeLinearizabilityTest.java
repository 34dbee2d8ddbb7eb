package dev.spindle.internal.pipe;

import dev.spindle.internal.codec.Codec;
import dev.spindle.testing.NoLeaks;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Validate;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Lincheck (stress mode): one pipe, used by several threads of one process, behaves as a FIFO
 * queue: whole messages, none lost, none twice, in order — with senders and receivers all
 * concurrent (no lock of the test's own around a receive). (Lincheck 2.39's agent cannot rewrite
 * JDK 25 class files and says so in the log; stress mode runs the real code and does not need it.
 * Checked to fail against a LIFO specification.)
 */
@ExtendWith(NoLeaks.class)
@Tag("lincheck") // its agent instruments what loads after it: a JVM of its own (see the POM)
public class PipeLinearizabilityTest {
    /** Every end Lincheck made us open: it builds instances that it never validates. */
    private static final Set<PipeEnd> OPENED = ConcurrentHashMap.newKeySet();

    private final PipeEnd[] ends = PipeEnd.create(true, PipeEnd.DEFAULT_CAPACITY, Integer.MAX_VALUE);
    private final PipeEnd in = ends[0];
    private final PipeEnd out = ends[1];

    public PipeLinearizabilityTest() {
        OPENED.add(in);
        OPENED.add(out);
    }

    @AfterAll
    static void closeAll() {
        OPENED.forEach(PipeEnd::close);
        OPENED.clear();
    }

    @Operation
    public void send(int value) throws IOException {
        byte[] bytes = Codec.get().encode(value);
        in.send(bytes, 0, bytes.length);
    }

    /** Receives a message if one is ready, else null (a non-blocking recv). */
    @Operation
    public Integer tryRecv() throws IOException {
        byte[] message = out.tryReceive(Integer.MAX_VALUE);
        return message == null ? null : (Integer) Codec.get().decode(message);
    }

    /** Runs after each invocation: every instance's pipe is closed, so no segment is left. */
    @Validate
    public void close() {
        in.close();
        out.close();
        OPENED.remove(in);
        OPENED.remove(out);
    }

    /** The sequential specification: a FIFO queue. */
    public static final class Queue {
        private final Deque<Integer> items = new ArrayDeque<>();

        public void send(int value) {
            items.addLast(value);
        }

        public Integer tryRecv() {
            return items.pollFirst();
        }
    }

    @Test
    void aPipeSharedByThreadsIsALinearizableQueue() {
        StressOptions options = new StressOptions()
                .iterations(12)
                .invocationsPerIteration(300)
                .threads(3)
                .actorsPerThread(3)
                .sequentialSpecification(Queue.class);
        options.check(PipeLinearizabilityTest.class);
    }
}
