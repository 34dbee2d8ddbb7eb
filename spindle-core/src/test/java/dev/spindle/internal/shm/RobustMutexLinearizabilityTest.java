package dev.spindle.internal.shm;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Validate;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Lincheck (stress mode): a counter in shared memory whose read-and-write is guarded by the
 * robust mutex behaves as an atomic counter. Every operation makes its own {@link RobustMutex}
 * over the one word, as separate processes would, so threads meet on the shared word and its
 * futex, not on the mutex's local lock. (Checked to fail with the lock taken out.)
 */
@Tag("lincheck") // its agent instruments what loads after it: a JVM of its own (see the POM)
public class RobustMutexLinearizabilityTest {
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();
    private static final long WORD = 0;
    private static final long COUNTER = 64;
    /** Every segment Lincheck made us map: it builds instances that it never validates. */
    private static final Set<SharedSegment> MAPPED = ConcurrentHashMap.newKeySet();

    private final SharedSegment segment = SharedSegment.create("mutex-lincheck", 4096);
    private final MemorySegment memory = segment.memory();

    public RobustMutexLinearizabilityTest() {
        MAPPED.add(segment);
    }

    @AfterAll
    static void unmapAll() {
        MAPPED.forEach(RobustMutexLinearizabilityTest::release);
        MAPPED.clear();
    }

    private static void release(SharedSegment segment) {
        segment.unlink();
        segment.close();
    }

    /** Adds one and returns the value before, reading and writing under the lock. */
    @Operation
    public long increment() throws InterruptedException {
        RobustMutex mutex = new RobustMutex(memory, WORD);
        mutex.lock();
        try {
            long value = (long) LONG.get(memory, COUNTER);
            for (int i = 0; i < 50; i++) {
                Thread.onSpinWait(); // widens the window a missing lock would open
            }
            LONG.set(memory, COUNTER, value + 1);
            return value;
        } finally {
            mutex.unlock();
        }
    }

    @Operation
    public long get() throws InterruptedException {
        RobustMutex mutex = new RobustMutex(memory, WORD);
        mutex.lock();
        try {
            return (long) LONG.get(memory, COUNTER);
        } finally {
            mutex.unlock();
        }
    }

    /** Runs after each invocation: its segment is released, so none is left. */
    @Validate
    public void unmap() {
        if (MAPPED.remove(segment)) {
            release(segment);
        }
    }

    /** The sequential specification: an atomic counter. */
    public static final class Counter {
        private long value;

        public long increment() {
            return value++;
        }

        public long get() {
            return value;
        }
    }

    @Test
    void aCounterGuardedByTheMutexIsAtomic() {
        StressOptions options = new StressOptions()
                .iterations(20)
                .invocationsPerIteration(300)
                .threads(3)
                .actorsPerThread(3)
                .sequentialSpecification(Counter.class);
        options.check(RobustMutexLinearizabilityTest.class);
    }
}
