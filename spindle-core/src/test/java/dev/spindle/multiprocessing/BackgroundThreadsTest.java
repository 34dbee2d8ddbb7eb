package dev.spindle.multiprocessing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.Context;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.ParentJvm;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spindle's long-lived threads are not left in the thread group the program ran in: a runner that
 * waits for that group's threads after {@code main} ({@code mvn exec:java}) is not held up.
 */
class BackgroundThreadsTest {
    /** Runs like exec:java: main's work in a thread group of its own, then lists what is left in it. */
    public static final class RunsInItsOwnGroup {
        public static void main(String[] args) throws Exception {
            ThreadGroup app = new ThreadGroup("app");
            Thread main = new Thread(app, () -> {
                try {
                    Context.processes().lock(); // a primitive: its cleaner
                    ChildProcess child = new ChildProcess(() -> { }); // a child: the launcher
                    child.start();
                    child.join();
                    try (Pool pool = Pool.of(1)) {
                        pool.apply((Integer x) -> x, 1);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "main");
            main.start();
            main.join();
            // A closed pool's threads finish their last steps after close() returns; lifelong ones never end.
            List<String> names = alive(app);
            for (long deadline = System.nanoTime() + Deadlines.PROMPT.toNanos(); !names.isEmpty() && System.nanoTime() < deadline; ) {
                Thread.onSpinWait();
                names = alive(app);
            }
            System.out.println("threads left in the app group: " + names);
        }

        private static List<String> alive(ThreadGroup group) {
            Thread[] left = new Thread[group.activeCount() + 8];
            int n = group.enumerate(left);
            return Arrays.stream(left, 0, n).filter(Thread::isAlive).map(Thread::getName).toList();
        }
    }

    @Test
    void noSpindleThreadStaysInTheGroupMainRanIn() throws Exception {
        try (ParentJvm program = ParentJvm.start(RunsInItsOwnGroup.class)) {
            assertThat(program.waitFor(Deadlines.CHILD)).as(program.output()).isZero();
            assertThat(program.output()).contains("threads left in the app group: []");
        }
    }
}
