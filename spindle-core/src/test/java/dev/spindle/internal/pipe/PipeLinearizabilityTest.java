package dev.spindle.internal.pipe;

import dev.spindle.multiprocessing.Connection;
import dev.spindle.multiprocessing.Pipe;
import dev.spindle.testing.NoLeaks;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jetbrains.kotlinx.lincheck.LinChecker;
import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Validate;
import org.jetbrains.kotlinx.lincheck.strategy.stress.StressOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Lincheck (stress mode): one pipe, used by several threads of one process, behaves as a FIFO
 * queue: whole messages, none lost, none twice, in order. (Lincheck 2.39's agent cannot rewrite
 * JDK 25 class files and says so in the log; stress mode runs the real code and does not need it.
 * Checked to fail against a LIFO specification.)
 */
@ExtendWith(NoLeaks.class)
public class PipeLinearizabilityTest {
    /** Every end Lincheck made us open: it builds instances that it never validates. */
    private static final Set<Connection> OPENED = ConcurrentHashMap.newKeySet();

    private final Pipe pipe = Pipe.open();
    private final Connection in = pipe.left();
    private final Connection out = pipe.right();

    public PipeLinearizabilityTest() {
        OPENED.add(in);
        OPENED.add(out);
    }

    @AfterAll
    static void closeAll() {
        OPENED.forEach(Connection::close);
        OPENED.clear();
    }

    @Operation
    public void send(int value) throws IOException {
        in.send(value);
    }

    /** Receives a message if one is ready, else null (a non-blocking recv). */
    @Operation
    public Integer tryRecv() throws IOException {
        synchronized (out) { // poll-then-recv must be atomic among receivers
            return out.poll() ? out.<Integer>recv() : null;
        }
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
                .iterations(20)
                .invocationsPerIteration(300)
                .threads(3)
                .actorsPerThread(3)
                .sequentialSpecification(Queue.class);
        LinChecker.check(PipeLinearizabilityTest.class, options);
    }
}
