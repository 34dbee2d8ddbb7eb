package dev.spindle.multiprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.function.CheckedRunnable;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import java.io.Serial;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link ChildProcess#close()} (Python's {@code Process.close()}) and what the parent lets go of once the child ends. */
@ExtendWith(NoLeaks.class)
@SuppressWarnings("serial") // the targets are serializable method references
class ChildProcessCloseTest {
    static void neverEnds() throws InterruptedException {
        Thread.sleep(Long.MAX_VALUE);
    }

    /** A target that is an object of its own (CPython's {@code DummyCallable}). */
    static final class DummyCallable implements CheckedRunnable {
        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public void run() {
        }
    }

    /**
     * CPython's {@code _TestProcess.test_close}: closing a running process is an error; once it
     * has ended, close works (twice too), and then every method that needs the child throws.
     */
    @Test
    void closeRefusesARunningChildAndThenClosesEveryUseOfTheObject() throws Exception {
        ChildProcess p = new ChildProcess(ChildProcessCloseTest::neverEnds).name("sleeper");
        p.start();
        assertThatThrownBy(p::close).isInstanceOf(IllegalStateException.class).hasMessageContaining("still running");
        assertThat(p.isAlive()).as("a refused close changes nothing").isTrue();
        p.terminate();
        p.join();
        assertThat(p.exitCode()).isEqualTo(-15);
        p.close();
        p.close();
        List<ThrowingCallable> uses = List.of(p::start, p::join, () -> p.join(Duration.ZERO), p::isAlive, p::pid,
                p::exitCode, p::failure, p::onExit, p::terminate, p::kill, p::interrupt);
        for (ThrowingCallable use : uses) {
            assertThatThrownBy(use).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        }
        assertThat(p.name()).isEqualTo("sleeper");
        assertThat(p.isDaemon()).isFalse();
        assertThat(p.toString()).contains("closed");
        assertThat(ChildProcess.activeChildren()).doesNotContain(p);
    }

    @Test
    void aProcessClosedBeforeItStartedCannotStart() {
        ChildProcess p = new ChildProcess(ChildProcessCloseTest::neverEnds);
        p.close();
        assertThatThrownBy(p::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    /**
     * CPython's {@code _TestProcess.test_lose_target_ref}: once the child has ended, the parent's
     * process object holds its target no more, and a collection clears a weak reference to it.
     */
    @Test
    void theTargetIsCollectedOnceTheChildHasEnded() throws Exception {
        CheckedRunnable target = new DummyCallable();
        WeakReference<CheckedRunnable> ref = new WeakReference<>(target);
        ChildProcess p = new ChildProcess(target);
        target = null;
        p.start();
        p.join();
        assertThat(p.exitCode()).isZero();
        Deadlines.await("the target is collected", Deadlines.PROMPT, () -> {
            System.gc();
            return ref.get() == null;
        });
        assertThat(p.isAlive()).as("the object still answers").isFalse();
    }
}
