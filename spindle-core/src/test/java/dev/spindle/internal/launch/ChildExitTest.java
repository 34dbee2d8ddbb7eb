package dev.spindle.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.Context;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.queue.Queue;
import dev.spindle.testing.NoLeaks;
import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A child's exit leaves its daemon threads where they are, as Python's does, even those in native
 * code: a daemon thread blocked in a Spindle wait (a futex, through FFM) made HotSpot's exit wait
 * for it in 10 ms steps, up to 300 ms. The child is started with the option that stops that wait
 * (which a user's options may set otherwise), and such a child ends once its target returns.
 */
@ExtendWith(NoLeaks.class)
@SuppressWarnings("serial") // the targets are serializable method references
class ChildExitTest {
    private static final String WAIT_OPTION = "UserThreadWaitAttemptsAtExit";

    @AfterEach
    void dropQueues() throws InterruptedException {
        NoLeaks.awaitUnreachableSegmentsRemoved();
    }

    /** Tells the value in force of HotSpot's option, as its diagnostic bean reads it. */
    static void tellsItsWaitAtExit(Queue<String> answer) throws Exception {
        CompositeData option = (CompositeData) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=HotSpotDiagnostic"), "getVMOption",
                new Object[] {WAIT_OPTION}, new String[] {String.class.getName()});
        answer.put((String) option.get("value"));
    }

    /** The value a child started with {@code options} tells. */
    private static String waitAtExitOf(Queue<String> answer, String... options) throws InterruptedException {
        return ChildAnswer.of(new ChildProcess(ChildExitTest::tellsItsWaitAtExit, answer).jvmOptions(options), answer);
    }

    @Test
    @Timeout(60)
    void aChildsExitDoesNotWaitForThreadsInNativeCodeUnlessItsOptionsSaySo() throws Exception {
        Queue<String> answer = Context.processes().queue();
        assertThat(waitAtExitOf(answer)).isEqualTo("0");
        assertThat(waitAtExitOf(answer, "-XX:" + WAIT_OPTION + "=30")).isEqualTo("30");
    }

    /** Leaves a daemon thread blocked in a take from {@code never}, which no one puts into. */
    static void leavesADaemonThreadWaiting(Queue<Integer> never) throws InterruptedException {
        CountDownLatch taking = new CountDownLatch(1);
        Thread.ofPlatform().daemon().start(() -> {
            try {
                taking.countDown();
                never.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        taking.await();
    }

    /** The daemon thread neither keeps the child alive nor changes how it ends. */
    @Test
    @Timeout(60)
    void aChildWhoseDaemonThreadStillWaitsEndsWithItsTarget() throws Exception {
        Queue<Integer> never = Context.processes().queue();
        ChildProcess child = new ChildProcess(ChildExitTest::leavesADaemonThreadWaiting, never);
        child.start();
        child.join();
        assertThat(child.exitCode()).isZero();
        assertThat(never.size()).isZero();
    }
}
