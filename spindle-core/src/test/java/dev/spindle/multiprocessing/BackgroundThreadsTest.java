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
            Thread[] left = new Thread[app.activeCount() + 8];
            int n = app.enumerate(left);
            List<String> names = Arrays.stream(left, 0, n).filter(Thread::isAlive).map(Thread::getName).toList();
            System.out.println("threads left in the app group: " + names);
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
