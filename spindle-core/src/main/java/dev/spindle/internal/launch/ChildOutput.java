package dev.spindle.internal.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Where a child's standard output and error go: where this JVM's go. Normally the child simply
 * inherits this process's stdout and stderr (no cost). But when {@code System.out} or
 * {@code System.err} is not the process's own stream — a test runner such as Surefire, which
 * talks to its forked JVM over that stdout, or an IDE console — a child writing to the inherited
 * file descriptors would bypass it (Surefire: "Corrupted channel by directly writing to native
 * stream"). Then the child's output is piped, and two threads copy it into {@code System.out}
 * and {@code System.err}. {@code -Dspindle.childOutput=inherit|forward} overrides the choice.
 */
final class ChildOutput {
    /** The child inherits this process's stdout and stderr: nothing to copy. */
    static final ChildOutput INHERITED = new ChildOutput(null, null);
    private static final Duration DRAIN = Duration.ofSeconds(2);

    private final Thread out;
    private final Thread err;

    private ChildOutput(Thread out, Thread err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Whether output must be forwarded: the JVM's own streams are exactly {@link PrintStream}s; a
     * runner's replacement is a subclass.
     */
    static boolean mustForward() {
        String choice = System.getProperty("spindle.childOutput", "");
        if (choice.equals("forward")) {
            return true;
        }
        if (choice.equals("inherit")) {
            return false;
        }
        return System.out.getClass() != PrintStream.class || System.err.getClass() != PrintStream.class;
    }

    /** Starts copying {@code process}'s piped output into this JVM's streams. */
    static ChildOutput forward(Process process) {
        return new ChildOutput(copier(process.getInputStream(), () -> System.out, process.pid() + "-out"),
                copier(process.getErrorStream(), () -> System.err, process.pid() + "-err"));
    }

    private static Thread copier(InputStream from, Supplier<PrintStream> to, String name) {
        return Thread.ofPlatform().daemon().name("spindle-output-" + name).start(() -> {
            byte[] buffer = new byte[8192];
            try (from) {
                int n;
                while ((n = from.read(buffer)) >= 0) {
                    PrintStream target = to.get();
                    target.write(buffer, 0, n);
                    target.flush();
                }
            } catch (IOException closed) {
                // the child has gone
            }
        });
    }

    /** Waits, briefly, until everything the ended child wrote has been copied. */
    void drain() {
        for (Thread t : new Thread[] {out, err}) {
            if (t != null) {
                try {
                    t.join(DRAIN);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
