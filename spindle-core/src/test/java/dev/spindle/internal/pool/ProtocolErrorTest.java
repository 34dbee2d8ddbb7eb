package dev.spindle.internal.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.Context;
import dev.spindle.internal.launch.ChildContext;
import dev.spindle.multiprocessing.AsyncResult;
import dev.spindle.multiprocessing.Pool;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.ParentJvm;
import dev.spindle.testing.NoLeaks;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A worker whose bytes on the pool's channel are not a frame: the driver logs the protocol error
 * with its cause, kills the worker, fails the task it held and starts a replacement.
 */
@ExtendWith(NoLeaks.class)
@SuppressWarnings("serial") // the tasks are serializable method references
class ProtocolErrorTest {
    /** Writes bytes that are no frame on its worker's channel, then waits to be killed. */
    static int sendsGarbage(int ignored) throws Exception {
        WorkerSpec spec = (WorkerSpec) ChildContext.current().arguments().get(0);
        byte[] garbage = {0, 0, 0, 9, 1, 2, 3};
        spec.connection().send(garbage, 0, garbage.length);
        Thread.sleep(Deadlines.CHILD.toMillis() * 4);
        return 1;
    }

    static int square(int x) {
        return x * x;
    }

    /** The scenario in a JVM of its own, whose stderr the test reads: what a user would see. */
    public static final class Scenario {
        public static void main(String[] args) throws Exception {
            try (Pool pool = Context.processes().pool(1)) {
                AsyncResult<Integer> broken = pool.applyAsync(ProtocolErrorTest::sendsGarbage, 0);
                try {
                    broken.get(Deadlines.CHILD);
                } catch (ExecutionException e) {
                    System.out.println("task failed: " + e.getCause().getClass().getSimpleName());
                }
                System.out.println("replacement: " + pool.apply(ProtocolErrorTest::square, 7));
            }
        }
    }

    @Test
    void aCorruptFrameIsLoggedWithItsCauseAndTheWorkerIsKilledAndReplaced() throws Exception {
        try (ParentJvm program = ParentJvm.start(Scenario.class)) {
            assertThat(program.waitFor(Deadlines.CHILD)).as(program.output()).isZero();
            assertThat(program.output()).contains("task failed: WorkerDiedException")
                    .as("a replacement worker runs the next task").contains("replacement: 49")
                    .contains("protocol error with worker").contains("killing it")
                    .contains("CorruptFrameException").contains("corrupt frame");
        }
    }
}
