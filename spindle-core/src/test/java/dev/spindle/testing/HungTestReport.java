package dev.spindle.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.PreInterruptCallback;
import org.junit.jupiter.api.extension.PreInterruptContext;

/**
 * What a timed-out test was doing, and an end to a test that ignores its interrupt.
 *
 * <p>JUnit's timeout interrupts the test's thread; code parked without looking at interrupts (an
 * asyncio strand waiting for its baton, a futex) goes on waiting, and the build with it, until CI's
 * own limit — 90 minutes with nothing to show. So at the timeout this writes every thread of the
 * test JVM, virtual ones included (where asyncio's tasks and many waits run), and the threads of
 * its child JVMs to {@code target/surefire-reports/HUNG-<test>.txt}, which {@code bin/spindle test}
 * prints when the run fails. If the test is still in the same method {@link #GRACE} later, the JVM
 * halts: Surefire reports the class as crashed and the run goes on failing, in minutes.
 *
 * <p>Registered for every test through {@code META-INF/services} (JUnit's extension autodetection).
 */
public final class HungTestReport implements PreInterruptCallback {
    /** How long a test has to end once interrupted before the JVM is halted. */
    static final Duration GRACE = Duration.ofSeconds(60);
    private static final Path REPORTS = Path.of("target", "surefire-reports");

    @Override
    public void beforeThreadInterrupt(PreInterruptContext interrupt, ExtensionContext test) {
        Thread thread = interrupt.getThreadToInterrupt();
        Path report = REPORTS.resolve("HUNG-" + test.getUniqueId().replaceAll("[^A-Za-z0-9.()-]+", "_") + ".txt");
        write(report, test.getUniqueId() + " timed out at " + Instant.now() + "; every thread follows");
        Thread.ofPlatform().daemon().name("hung test watch").start(() -> haltIfStillIn(thread, test, report));
    }

    private static void haltIfStillIn(Thread thread, ExtensionContext test, Path report) {
        try {
            thread.join(GRACE);
        } catch (InterruptedException e) {
            return;
        }
        String className = test.getRequiredTestClass().getName();
        String method = test.getTestMethod().map(java.lang.reflect.Method::getName).orElse(null);
        boolean stillThere = thread.isAlive() && Arrays.stream(thread.getStackTrace())
                .anyMatch(f -> f.getClassName().equals(className) && (method == null || f.getMethodName().equals(method)));
        if (stillThere) {
            write(report, test.getUniqueId() + " still running " + GRACE.toSeconds()
                    + " s after its interrupt, at " + Instant.now() + ": halting the test JVM; every thread follows");
            Runtime.getRuntime().halt(3);
        }
    }

    /** Appends {@code headline}, then this JVM's threads and its child JVMs' threads, to {@code report} and stderr. */
    private static synchronized void write(Path report, String headline) {
        try {
            Files.createDirectories(REPORTS);
            StringBuilder text = new StringBuilder("==== ").append(headline).append('\n')
                    .append(threadsOf(ProcessHandle.current()));
            for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
                if (child.info().command().orElse("").endsWith("/java")) {
                    text.append("\n==== child ").append(child.pid()).append(' ')
                            .append(child.info().commandLine().orElse("?")).append('\n').append(threadsOf(child));
                }
            }
            Files.writeString(report, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            System.err.println(text);
        } catch (IOException | RuntimeException e) {
            System.err.println("could not report the hung test " + headline + ": " + e);
        }
    }

    /**
     * Every thread of a JVM, virtual ones included, through {@code jcmd Thread.dump_to_file} (a
     * stack dump of platform threads alone would miss the tasks of asyncio, gevent and the pools).
     */
    private static String threadsOf(ProcessHandle jvm) throws IOException {
        Path dump = Files.createTempFile(REPORTS, "threads", ".txt").toAbsolutePath();
        Files.delete(dump); // the command refuses a file that exists
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Path said = Files.createTempFile(REPORTS, "jcmd", ".txt");
        try {
            Process p = new ProcessBuilder(List.of(jcmd.toString(), Long.toString(jvm.pid()), "Thread.dump_to_file",
                    "-format=text", dump.toString())).redirectErrorStream(true).redirectOutput(said.toFile()).start();
            boolean ended = p.waitFor(20, TimeUnit.SECONDS); // a JVM that does not answer must not hold the report
            p.destroyForcibly();
            return Files.exists(dump) ? Files.readString(dump) : "(no dump: " + (ended ? Files.readString(said) : "jcmd did not end") + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        } finally {
            Files.deleteIfExists(dump);
            Files.deleteIfExists(said);
        }
    }
}
