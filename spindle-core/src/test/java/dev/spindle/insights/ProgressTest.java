package dev.spindle.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.Context;
import dev.spindle.multiprocessing.Pool;
import dev.spindle.multiprocessing.TaskOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A progress bar on a terminal and in a log. Intervals are set long, so no assertion depends on timing. */
class ProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void inALogItPrintsTheFirstAndTheLastLineAndNeverACarriageReturn() {
        try (Progress bar = Progress.builder().output(out).label("primes").total(1000).terminal(false)
                .logInterval(Duration.ofHours(1)).build()) {
            for (int i = 0; i < 1000; i++) {
                bar.update(1);
            }
        }
        assertThat(printed()).doesNotContain("\r");
        List<String> lines = printed().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.getFirst()).startsWith("primes:   0%|").contains("| 1/1000 [");
        assertThat(lines.getLast()).startsWith("primes: 100%|#########################| 1000/1000 [");
    }

    @Test
    void onATerminalItRedrawsOneLineInPlaceAndEndsIt() {
        try (Progress bar = Progress.builder().output(out).total(65).terminal(true)
                .terminalInterval(Duration.ofHours(1)).build()) {
            for (int done = 1; done <= 65; done++) {
                bar.progress(done, 65);
            }
        }
        assertThat(printed()).startsWith("\r").contains("\r100%|").contains("| 65/65 [").endsWith("]" + System.lineSeparator());
        assertThat(printed().chars().filter(c -> c == '\n').count()).as("line ends").isEqualTo(1);
        assertThat(printed().chars().filter(c -> c == '\r').count()).as("redraws: the first and the last").isEqualTo(2);
    }

    @Test
    void anUnknownTotalShowsTheCountAndCloseEndsIt() {
        try (Progress bar = Progress.builder().output(out).label("lines").terminal(false)
                .logInterval(Duration.ofHours(1)).build()) {
            bar.update(5);
            bar.update(7);
            assertThat(bar.count()).isEqualTo(12);
        }
        List<String> lines = printed().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.getFirst()).startsWith("lines: 5 [00:00, ");
        assertThat(lines.getLast()).startsWith("lines: 12 [00:00, ");
    }

    @Test
    void updatesFromManyThreadsAreAllCounted() throws Exception {
        int threads = 4;
        int each = 100_000;
        CountDownLatch go = new CountDownLatch(1);
        try (Progress bar = Progress.builder().output(out).total((long) threads * each).terminal(false).build()) {
            List<Thread> running = IntStream.range(0, threads).mapToObj(i -> Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                for (int j = 0; j < each; j++) {
                    bar.update(1);
                }
            })).toList();
            go.countDown();
            for (Thread t : running) {
                t.join();
            }
            assertThat(bar.count()).isEqualTo((long) threads * each);
        }
        assertThat(printed().lines().toList().getLast()).contains("400000/400000");
        assertThat(printed().lines().filter(l -> l.contains("400000/400000")).count()).as("the last line once").isEqualTo(1);
    }

    @Test
    void aPoolMapDrivesItAsAListener() throws Exception {
        try (Pool pool = Pool.builder(Context.threads()).processes(2).build();
             Progress bar = Progress.builder().output(out).label("map").terminal(false).logInterval(Duration.ofHours(1)).build()) {
            pool.map(x -> x, IntStream.range(0, 50).boxed().toList(), TaskOptions.DEFAULT.chunksize(1).progress(bar));
            assertThat(printed().lines().toList().getLast()).startsWith("map: 100%").contains("50/50");
        }
        assertThat(printed().lines().filter(l -> l.contains("50/50")).count()).isEqualTo(1);
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> Progress.builder().total(-2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Progress.builder().logInterval(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
