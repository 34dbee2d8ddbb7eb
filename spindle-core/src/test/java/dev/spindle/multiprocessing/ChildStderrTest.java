package dev.spindle.multiprocessing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.testing.NoLeaks;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream err = System.err;
        // A replaced System.err, as Surefire's: the child's stderr is then copied into it.
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8) { });
        ChildProcess p = new ChildProcess(ChildStderrTest::fails, "boom from the child").name("failing");
        try {
            p.start();
            p.join();
        } finally {
            System.setErr(err);
        }
        assertThat(p.exitCode()).isEqualTo(1);
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("Process failing:")
                .contains("java.lang.IllegalStateException: boom from the child").contains("at dev.spindle.multiprocessing.ChildStderrTest.fails");
    }
}
