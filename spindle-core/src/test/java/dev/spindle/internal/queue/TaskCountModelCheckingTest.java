package dev.spindle.internal.queue;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Lincheck's model checking (every interleaving of small scenarios, not chance) over a joinable
 * queue's task count: {@code adding}, {@code done} and a join that does not wait behave as one
 * counter would. The same check over a copy whose {@code done} forgets the lock must fail, which
 * shows the mode really runs over Spindle's classes.
 */
@Tag("lincheck") // its agent instruments what loads after it: a JVM of its own (see the POM)
class TaskCountModelCheckingTest {
    private static ModelCheckingOptions options() {
        return new ModelCheckingOptions().iterations(20).invocationsPerIteration(500).threads(2).actorsPerThread(3);
    }

    @Test
    void theTaskCountIsLinearizable() {
        options().iterations(6).check(Counted.class); // fewer than the broken copy needs to be caught (suite time)
    }

    @Test
    void aTaskCountWithoutItsLockIsCaught() {
        assertThatThrownBy(() -> options().check(Unlocked.class)).isInstanceOf(LincheckAssertionError.class);
    }

    /** The real one. */
    public static class Counted {
        private final TaskCount count = new TaskCount();

        @Operation
        public void adding() {
            count.adding();
        }

        @Operation
        public boolean done() {
            return count.done();
        }

        /** Whether no task is unfinished now: a join whose deadline has passed. */
        @Operation
        public boolean joined() throws InterruptedException {
            return count.join(System.nanoTime());
        }
    }

    /** The same operations over a counter whose check-then-decrement is not atomic. */
    public static class Unlocked {
        private long unfinished;

        @Operation
        public synchronized void adding() {
            unfinished++;
        }

        @Operation
        public boolean done() {
            if (unfinished == 0) {
                return false;
            }
            unfinished--;
            return true;
        }

        @Operation
        public synchronized boolean joined() {
            return unfinished == 0;
        }
    }
}
