package dev.spindle.multiprocessing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.testing.ChildStderr;
import dev.spindle.testing.NoLeaks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a child prints when its target throws. */
@ExtendWith(NoLeaks.class)
@SuppressWarnings("serial") // the target is a serializable method reference
class ChildStderrTest {
    static void fails(String message) {
        throw new IllegalStateException(message);
    }

    /**
     * CPython's {@code _TestSubclassingProcess.test_stderr_flush}: an exception the target does
     * not catch is printed on the child's stderr ("Process name:" and the trace, as Python's
     * "Process Process-1:" and traceback), and the child ends with 1.
     */
    @Test
    void anUncaughtExceptionIsPrintedOnTheChildsStderr() throws Exception {
        ChildProcess p = new ChildProcess(ChildStderrTest::fails, "boom from the child").name("failing");
        String stderr = ChildStderr.whileRunning(p);
        assertThat(p.exitCode()).isEqualTo(1);
        assertThat(stderr).contains("Process failing:")
                .contains("java.lang.IllegalStateException: boom from the child").contains("at dev.spindle.multiprocessing.ChildStderrTest.fails");
    }
}
