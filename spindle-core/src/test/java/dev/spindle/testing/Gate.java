package dev.spindle.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * A latch that works across processes: a task (in a thread or a worker JVM) waits until the test
 * opens it, and says that it has arrived. Files in a test's temp folder; the task gets the folder.
 */
public final class Gate {
    private Gate() {}

    /** Task side: records arrival, then waits until {@link #open} (or the thread is interrupted). */
    public static void pass(Path gate) throws InterruptedException {
        try {
            Files.writeString(gate.resolveSibling(gate.getFileName() + ".arrived"), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        while (!Files.exists(gate)) {
            LockSupport.parkNanos(1_000_000);
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted at the gate");
            }
        }
    }

    /** Test side: waits until a task has arrived at the gate. */
    public static void awaitArrival(Path gate) throws InterruptedException {
        Deadlines.await("a task reaches " + gate.getFileName(), Deadlines.CHILD, () -> arrived(gate));
    }

    /** Whether a task has arrived at the gate. */
    public static boolean arrived(Path gate) {
        return Files.exists(gate.resolveSibling(gate.getFileName() + ".arrived"));
    }

    /** Test side: lets every task at the gate go on. */
    public static void open(Path gate) {
        try {
            Files.writeString(gate, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
