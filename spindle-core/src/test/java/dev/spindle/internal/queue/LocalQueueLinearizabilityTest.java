package dev.spindle.internal.queue;

import dev.spindle.queue.Queue;
import dev.spindle.queue.ShutDown;
import java.util.ArrayList;
import java.util.List;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Lincheck over the in-process queues, bounded to two items so that full queues are reached:
 * FIFO, LIFO and priority order, with Python 3.13's shutdown among the operations. Each behaves
 * as the same operations run one at a time (the class itself is the sequential specification), by
 * model checking (every interleaving of small scenarios) and under stress (real threads).
 */
@Tag("lincheck") // its agent instruments what loads after it: a JVM of its own (see the POM)
class LocalQueueLinearizabilityTest {
    private static final int MAXSIZE = 2;
    private static final String SHUT_DOWN = "ShutDown";

    private static ModelCheckingOptions modelChecking() {
        return new ModelCheckingOptions().iterations(5).invocationsPerIteration(200).threads(2).actorsPerThread(3);
    }

    private static StressOptions stress() {
        return new StressOptions().iterations(5).invocationsPerIteration(500).threads(3).actorsPerThread(3);
    }

    @Test
    void aFifoQueueIsLinearizable() {
        modelChecking().check(Fifo.class);
        stress().check(Fifo.class);
    }

    // LIFO and priority order share the FIFO queue's locking and differ in storage only: model
    // checking each order is enough, and the stress run of the FIFO one covers the locking (suite time).
    @Test
    void aLifoQueueIsLinearizable() {
        modelChecking().iterations(3).check(Lifo.class);
    }

    @Test
    void aBoundedPriorityQueueIsLinearizable() {
        modelChecking().iterations(3).check(Priority.class);
    }

    /** The operations, over one queue; a refusal for shutdown is a result like any other. */
    @Param(name = "item", gen = IntGen.class, conf = "1:4")
    public abstract static class Operations {
        private final Queue<Integer> queue;

        Operations(Queue<Integer> queue) {
            this.queue = queue;
        }

        @Operation
        public Object offer(@Param(name = "item") int item) {
            try {
                return queue.offer(item);
            } catch (ShutDown refused) {
                return SHUT_DOWN;
            }
        }

        @Operation
        public Object poll() {
            try {
                return queue.poll();
            } catch (ShutDown refused) {
                return SHUT_DOWN;
            }
        }

        @Operation
        public Integer peek() {
            return queue.peek();
        }

        @Operation
        public int qsize() {
            return queue.qsize();
        }

        @Operation
        public List<Integer> drainOne() {
            List<Integer> sink = new ArrayList<>();
            queue.drainTo(sink, 1);
            return sink;
        }

        @Operation
        public void shutdown() {
            queue.shutdown();
        }

        @Operation
        public void shutdownImmediately() {
            queue.shutdown(true);
        }
    }

    public static class Fifo extends Operations {
        public Fifo() {
            super(LocalQueue.create(MAXSIZE));
        }
    }

    public static class Lifo extends Operations {
        public Lifo() {
            super(LocalQueue.joinableLifo(MAXSIZE));
        }
    }

    public static class Priority extends Operations {
        public Priority() {
            super(LocalQueue.joinablePriority(MAXSIZE, null));
        }
    }
}
