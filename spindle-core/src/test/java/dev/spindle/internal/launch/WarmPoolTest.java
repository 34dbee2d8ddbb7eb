package dev.spindle.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.multiprocessing.StartMethod;
import dev.spindle.testing.Deadlines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WARM start method: a start that finds no idle JVM ready does not wait for one to finish
 * warming up (that took 1.7-3.4 s): the JVM it gets cuts its warm-up short once its target waits.
 */
@SuppressWarnings("serial") // the target is a serializable method reference
class WarmPoolTest {
    private static final int MEBIBYTE = 1 << 20;

    @TempDir
    Path dir;

    static void reportsItsWarmUp(Path out) throws Exception {
        Files.writeString(out, "cut short: " + Warmup.cutShort());
    }

    @Test
    void aWarmChildTakenBeforeItIsReadyCutsItsWarmUpShortForItsTarget() throws Exception {
        String options = "-Dspindle.test.pool=" + UUID.randomUUID(); // a pool of its own, with no idle JVM yet
        Path out = dir.resolve("out");
        try {
            ChildProcess child = new ChildProcess(WarmPoolTest::reportsItsWarmUp, out)
                    .startMethod(StartMethod.WARM).jvmOptions(options);
            child.start();
            child.join();
            assertThat(child.exitCode()).isZero();
            assertThat(Files.readString(out)).isEqualTo("cut short: true");
        } finally {
            WarmPool.discard(List.of(options));
        }
    }

    /** Allocates four mebibytes, a megabyte at a time, and drops them. */
    static void allocatesALittle(Path out) throws Exception {
        long total = 0;
        for (int i = 0; i < 4; i++) {
            total += new byte[MEBIBYTE].length;
        }
        Files.writeString(out, Long.toString(total));
    }

    /**
     * A ready WARM JVM has collected its warm-up's garbage, so that a target that allocates a
     * little runs and ends without a collection: the warm-up left the young generation nearly full
     * (18 MB of heap in use as a target started, against 4 MB now), and the collection a target's
     * allocations then started copied the warm-up's live objects, 7 ms of a warm start.
     */
    @Test
    void aTargetInAReadyWarmChildAllocatesWithoutACollection() throws Exception {
        Path log = dir.resolve("gc");
        String options = "-Xlog:gc:file=" + log + "-%p.log";
        Path out = dir.resolve("allocated");
        try {
            assertThat(WarmPool.warmUp(List.of(options), Deadlines.CHILD)).isTrue();
            ChildProcess child = new ChildProcess(WarmPoolTest::allocatesALittle, out)
                    .startMethod(StartMethod.WARM).jvmOptions(options);
            child.start();
            child.join();
            assertThat(child.exitCode()).isZero();
            assertThat(Files.readString(out)).isEqualTo(Long.toString(4L * MEBIBYTE));
            List<String> pauses = Files.readAllLines(dir.resolve("gc-" + child.pid() + ".log")).stream()
                    .filter(line -> line.contains("Pause")).toList();
            assertThat(pauses).as("the child's collections").isNotEmpty();
            assertThat(pauses.getLast()).as("its last collection, the warm-up's").contains("Pause Full (System.gc())");
        } finally {
            WarmPool.discard(List.of(options));
        }
    }

    /**
     * An idle WARM JVM that died (killed while it waited) is passed over: the next start runs in
     * another, not in the dead one, and does not fail. CPython's counterpart kills the forkserver
     * and checks that the next start makes a new one (test_forkserver_sigkill).
     */
    @Test
    void anIdleWarmJvmThatDiedIsPassedOver() throws Exception {
        String options = "-Dspindle.test.pool=" + UUID.randomUUID();
        try {
            assertThat(WarmPool.warmUp(List.of(options), Deadlines.CHILD)).isTrue();
            List<Long> killed = WarmPool.idlePids();
            assertThat(killed).isNotEmpty();
            for (long pid : killed) { // an idle JVM of another pool may have gone meanwhile
                ProcessHandle idle = ProcessHandle.of(pid).orElse(null);
                if (idle != null) {
                    idle.destroyForcibly();
                    idle.onExit().get(Deadlines.CHILD.toSeconds(), TimeUnit.SECONDS);
                }
            }
            ChildProcess child = new ChildProcess(() -> { }).startMethod(StartMethod.WARM).jvmOptions(options);
            child.start();
            child.join();
            assertThat(child.exitCode()).isZero();
            assertThat(killed).doesNotContain(child.pid());
        } finally {
            WarmPool.discard(List.of(options));
        }
    }
}
