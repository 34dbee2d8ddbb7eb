package dev.spindle.bench;

import dev.spindle.internal.nativeio.Futex;
import dev.spindle.internal.shm.MutexLayout;
import dev.spindle.internal.shm.RobustMutex;
import dev.spindle.internal.shm.RobustWord.Acquired;
import dev.spindle.internal.shm.SharedSegment;
import dev.spindle.internal.track.ProcessIdentity;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The robust mutex's figures for {@code spindle bench}, measured in a JVM of their own: the mutex
 * is internal and no public API shows it alone, so this harness lives beside the library, not in
 * it. Prints one line, {@code sample VALUE}.
 * <ul>
 *   <li>{@code uncontended}: nanoseconds per lock + unlock in one thread, after a warm-up.</li>
 *   <li>{@code recovery}: milliseconds from SIGKILL of a holder process to a waiting thread of
 *       this one holding the lock (told that the owner died).</li>
 *   <li>{@code hold NAME}: the holder: locks the mutex in segment NAME, says so, waits to be killed.</li>
 * </ul>
 */
public final class MutexBenchmark {
    private static final long WORD = 0;
    private static final int PAIRS = 5_000_000;
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    private MutexBenchmark() {}

    /** Entry point: {@code uncontended}, {@code recovery} or {@code hold NAME}. */
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "uncontended" -> print(uncontendedNanos());
            case "recovery" -> print(recoveryMillis());
            case "hold" -> hold(args[1]);
            default -> throw new IllegalArgumentException("unknown figure " + args[0]);
        }
    }

    private static void print(double value) {
        System.out.println(String.format(Locale.ROOT, "sample %.3f", value));
    }

    private static double uncontendedNanos() throws InterruptedException {
        try (SharedSegment segment = SharedSegment.create("bench-mutex", 4096)) {
            segment.unlink();
            RobustMutex mutex = new RobustMutex(segment.memory(), WORD);
            double best = Double.MAX_VALUE;
            for (int round = 0; round < 5; round++) { // the first rounds are the JIT's warm-up
                long t0 = System.nanoTime();
                for (int i = 0; i < PAIRS; i++) {
                    mutex.lock();
                    mutex.unlock();
                }
                best = round < 3 ? best : Math.min(best, (System.nanoTime() - t0) / (double) PAIRS);
            }
            return best;
        }
    }

    private static double recoveryMillis() throws Exception {
        try (SharedSegment segment = SharedSegment.create("bench-mutex", 4096)) {
            // What a first wait would set up once per JVM (the futex downcall is linked on first
            // use, ~100 ms): done before the clock starts, as a long-running program has it done.
            Futex.wake(segment.memory(), WORD, 1);
            ProcessIdentity.isAlive(ProcessIdentity.self().word());
            Process holder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    MutexBenchmark.class.getName(), "hold", segment.name())).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try {
                BufferedReader said = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
                if (!"held".equals(said.readLine())) {
                    throw new IllegalStateException("the holder did not take the lock");
                }
                RobustMutex mutex = new RobustMutex(segment.memory(), WORD);
                CompletableFuture<Long> acquiredAt = new CompletableFuture<>();
                Thread.ofPlatform().start(() -> {
                    try {
                        Acquired how = mutex.lock();
                        acquiredAt.complete(System.nanoTime());
                        if (how != Acquired.FROM_DEAD_OWNER) {
                            throw new IllegalStateException("not told that the owner died");
                        }
                        mutex.unlock();
                    } catch (Throwable t) {
                        acquiredAt.completeExceptionally(t);
                    }
                });
                long waitingSince = System.nanoTime();
                while (((long) LONG.getVolatile(segment.memory(), WORD) & MutexLayout.WAITERS) == 0) {
                    Thread.onSpinWait(); // until the waiter has spun and gone to sleep
                    if (System.nanoTime() - waitingSince > TimeUnit.SECONDS.toNanos(30)) {
                        throw new IllegalStateException("the waiter never slept");
                    }
                }
                long killedAt = System.nanoTime();
                holder.destroyForcibly();
                return (acquiredAt.get(30, TimeUnit.SECONDS) - killedAt) / 1e6;
            } finally {
                holder.destroyForcibly().waitFor();
                segment.unlink();
            }
        }
    }

    private static void hold(String segmentName) throws Exception {
        SharedSegment segment = SharedSegment.open(segmentName);
        new RobustMutex(segment.memory(), WORD).lock();
        System.out.println("held");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
