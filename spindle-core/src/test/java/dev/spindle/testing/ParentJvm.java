package dev.spindle.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A separate JVM playing the parent, running {@code mainClass} on the test class path with its
 * output captured: for what only a whole process can show (a child's prints on the parent's
 * terminal, the parent exiting or being killed).
 */
public final class ParentJvm implements AutoCloseable {
    private final Process process;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final Thread pump;

    private ParentJvm(Process process) {
        this.process = process;
        this.pump = Thread.ofPlatform().daemon().start(() -> copy(process.getInputStream()));
    }

    /** Starts {@code mainClass} with {@code args}; stdout and stderr are merged and captured. */
    public static ParentJvm start(Class<?> mainClass, String... args) throws IOException {
        return startWith(List.of(), mainClass.getName(), args);
    }

    /**
     * Starts {@code main} (a class name, or a source file for the JDK's source launcher) with
     * extra JVM options on the test class path.
     */
    public static ParentJvm startWith(List<String> jvmOptions, String main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8",
                "-Dspindle.speed=" + System.getProperty("spindle.speed", "1")));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main));
        command.addAll(List.of(args));
        return new ParentJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** Starts {@code command}, any command (a JVM with a class path of its own, one inside {@code unshare}), output captured. */
    public static ParentJvm command(List<String> command) throws IOException {
        return new ParentJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    private void copy(InputStream in) {
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (output) {
                    output.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** Everything printed so far. */
    public String output() {
        synchronized (output) {
            return output.toString(StandardCharsets.UTF_8);
        }
    }

    /** Waits for the JVM to exit and returns its status; fails at the deadline. */
    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("parent JVM still running after " + timeout + "; output:\n" + output());
        }
        pump.join(timeout.toMillis());
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILLs the parent JVM. */
    public void kill() {
        process.destroyForcibly();
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
