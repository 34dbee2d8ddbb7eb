package dev.spindle.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.Context;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.queue.Queue;
import dev.spindle.testing.NoLeaks;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoLeaks.class)
@SuppressWarnings("serial") // the target is a serializable method reference
class ChildCollectorTest {
    @AfterEach
    void dropQueues() throws InterruptedException {
        NoLeaks.awaitUnreachableSegmentsRemoved();
    }

    @Test
    void aChildRunsTheSerialCollectorUnlessItsOptionsChooseOne() {
        List<String> base = JvmStarter.BASE_OPTIONS;
        assertThat(ChildCollector.options(base, List.of("-Xmx1g", "-XX:+UseGCOverheadLimit"))).isEqualTo(base);
        assertThat(ChildCollector.options(base, List.of("-XX:+UseG1GC"))).doesNotContain(ChildCollector.SERIAL)
                .containsExactlyElementsOf(base.subList(1, base.size()));
        assertThat(ChildCollector.options(base, List.of("-XX:+UseZGC"))).doesNotContain(ChildCollector.SERIAL);
    }

    static void tellsItsCollectors(Queue<String> names) throws InterruptedException {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            names.put(collector.getName());
        }
        names.put("end");
    }

    /** Two collectors on one command line stop a JVM from starting: the child's choice replaces ours. */
    @Test
    @Timeout(60)
    void aChildWhoseOptionsChooseG1StartsAndRunsIt() throws Exception {
        Queue<String> names = Context.processes().queue();
        ChildProcess child = new ChildProcess(ChildCollectorTest::tellsItsCollectors, names).jvmOptions("-XX:+UseG1GC");
        child.start();
        StringBuilder seen = new StringBuilder();
        for (String name = names.take(); !name.equals("end"); name = names.take()) {
            seen.append(name).append(';');
        }
        child.join();
        assertThat(child.exitCode()).isZero();
        assertThat(seen.toString()).contains("G1 Young Generation");
    }
}
