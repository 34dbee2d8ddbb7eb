package dev.spindle.internal.sync;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Lincheck over the non-reentrant {@link LocalLock} (Python's {@code Lock}): taking it without
 * waiting, releasing it from any thread (an unlocked release refused) and {@code locked()} behave
 * as one flag would, by model checking and under stress, and so does a take with a timeout under
 * stress (the model checker's clock stands still, so a wait bounded by time never ends there). The same
 * check over a lock whose take is a check then a set must fail, which shows the model checker
 * really explores the interleavings of these operations.
 */
@Tag("lincheck") // its agent instruments what loads after it: a JVM of its own (see the POM)
class LocalLockLinearizabilityTest {
    private static final String REFUSED = "IllegalMonitorStateException";

    /** Scenarios enough to catch the broken lock below every time; the real one needs fewer (suite time). */
    private static ModelCheckingOptions modelChecking() {
        return new ModelCheckingOptions().iterations(20).invocationsPerIteration(300).threads(3).actorsPerThread(3);
    }

    @Test
    void theLockIsLinearizable() {
        modelChecking().iterations(6).check(Flag.class);
        new StressOptions().iterations(5).invocationsPerIteration(500).threads(3).actorsPerThread(4).check(TimedFlag.class);
    }

    @Test
    void aLockWhoseTakeIsNotAtomicIsCaught() {
        assertThatThrownBy(() -> modelChecking().check(CheckThenSet.class)).isInstanceOf(LincheckAssertionError.class);
    }

    /** The real lock. */
    public static class Flag {
        final LocalLock lock = new LocalLock();

        @Operation
        public boolean tryLock() {
            return lock.tryLock();
        }

        @Operation
        public String release() {
            try {
                lock.release();
                return "released";
            } catch (IllegalMonitorStateException refused) {
                return REFUSED;
            }
        }

        @Operation
        public boolean locked() {
            return lock.isLocked();
        }
    }

    /** The real lock, also taken with a timeout (a timed park in the lock's queue). */
    public static class TimedFlag extends Flag {
        @Operation
        public boolean tryLockBriefly() throws InterruptedException {
            return lock.tryLock(50, TimeUnit.MICROSECONDS);
        }
    }

    /** A lock whose take reads the flag, then sets it: two threads may both take it. */
    public static class CheckThenSet {
        private volatile boolean held;

        @Operation
        public boolean tryLock() {
            if (held) {
                return false;
            }
            held = true;
            return true;
        }

        @Operation
        public String release() {
            if (!held) {
                return REFUSED;
            }
            held = false;
            return "released";
        }

        @Operation
        public boolean locked() {
            return held;
        }
    }
}
