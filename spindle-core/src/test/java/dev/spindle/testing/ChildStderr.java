package dev.spindle.testing;

import dev.spindle.multiprocessing.ChildProcess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What a child prints on its stderr, caught as a test runner's console catches it. */
public final class ChildStderr {
    private ChildStderr() {}

    /**
     * Starts {@code child} and joins it with {@code System.err} replaced, as Surefire replaces it
     * (a child's stderr is then copied into it); the text that arrived there.
     */
    public static String whileRunning(ChildProcess child) throws InterruptedException {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream err = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8) { });
        try {
            child.start();
            child.join();
        } finally {
            System.setErr(err);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
