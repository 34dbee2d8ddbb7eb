package dev.spindle.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.Context;
import dev.spindle.Spindle;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BrokenBarrierException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A barrier between the parent and its children; a party that dies. */
@ExtendWith(NoLeaks.class)
@SuppressWarnings("serial") // the targets and actions are serializable
class BarrierAcrossProcessesTest {
    @TempDir
    Path dir;

    @AfterEach
    void dropShared() throws InterruptedException {
        NoLeaks.awaitUnreachableSegmentsRemoved();
    }

    static void rounds(Barrier barrier, int rounds) throws Exception {
        for (int i = 0; i < rounds; i++) {
            barrier.await(Deadlines.CHILD);
        }
    }

    static void oneRoundThenHang(Barrier barrier, Event arrivedTwice) throws Exception {
        barrier.await(Deadlines.CHILD);
        arrivedTwice.set();
        Thread.sleep(Long.MAX_VALUE); // killed before it arrives again
    }

    static void appendTo(Path file) throws Exception {
        Files.writeString(file, "x", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    @Test
    void parentAndChildrenMeetRoundAfterRoundAndTheActionRunsInTheLastProcess() throws Exception {
        Path ran = dir.resolve("actions");
        Barrier barrier = Context.processes().barrier(3, (dev.spindle.function.SerializableRunnable) () -> {
            try {
                appendTo(ran);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        ChildProcess a = new ChildProcess(BarrierAcrossProcessesTest::rounds, barrier, 50);
        ChildProcess b = new ChildProcess(BarrierAcrossProcessesTest::rounds, barrier, 50);
        a.start();
        b.start();
        rounds(barrier, 50);
        a.join();
        b.join();
        assertThat(a.exitCode()).isZero();
        assertThat(b.exitCode()).isZero();
        assertThat(Files.readString(ran)).hasSize(50);
    }

    @Test
    void aPartyKilledBreaksTheBarrierForTheOthersInsteadOfHangingThem() throws Exception {
        Barrier barrier = Spindle.barrier(2); // the default context's: processes
        Event arrived = Context.processes().event();
        ChildProcess doomed = new ChildProcess(BarrierAcrossProcessesTest::oneRoundThenHang, barrier, arrived);
        doomed.start();
        barrier.await(Deadlines.CHILD); // round one, together
        assertThat(arrived.await(Deadlines.CHILD)).isTrue();
        doomed.kill();
        doomed.join();
        assertThatThrownBy(barrier::await).as("no timeout: the death breaks it").isInstanceOf(BrokenBarrierException.class);
        assertThat(barrier.isBroken()).isTrue();
        barrier.reset();
        assertThat(Context.processes().barrier(1).await()).isZero();
    }

    @Test
    void aWaitingPartyKilledBreaksTheRound() throws Exception {
        Barrier barrier = Context.processes().barrier(3);
        ChildProcess doomed = new ChildProcess(BarrierAcrossProcessesTest::rounds, barrier, 1);
        doomed.start();
        Deadlines.await("the child waits", Deadlines.CHILD, () -> barrier.nWaiting() == 1);
        doomed.kill();
        doomed.join();
        assertThatThrownBy(barrier::await).isInstanceOf(BrokenBarrierException.class);
    }

    @Test
    void aThreadContextsActionNeedNotBeSerializableButAProcessContextsMust() {
        Runnable plain = () -> { };
        assertThat(Context.threads().barrier(2, plain).parties()).isEqualTo(2);
        assertThatThrownBy(() -> Context.processes().barrier(2, plain)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("serializable");
    }

    static void awaitAlone(Barrier barrier, Path outcome) throws Exception {
        try {
            barrier.await();
            Files.writeString(outcome, "passed");
        } catch (BrokenBarrierException e) {
            Files.writeString(outcome, "broken after " + barrier.timeout().orElseThrow().toMillis() + " ms");
        }
    }

    /** CPython's {@code _TestBarrier.test_default_timeout}, across processes: the default timeout travels with the barrier. */
    @Test
    void theDefaultTimeoutTravelsWithTheBarrier() throws Exception {
        Barrier barrier = Context.processes().barrier(2, null, java.time.Duration.ofMillis(100));
        Path outcome = dir.resolve("outcome");
        ChildProcess alone = new ChildProcess(BarrierAcrossProcessesTest::awaitAlone, barrier, outcome);
        alone.start();
        alone.join();
        assertThat(alone.exitCode()).isZero();
        assertThat(Files.readString(outcome)).isEqualTo("broken after 100 ms");
        assertThat(barrier.isBroken()).isTrue();
    }
}
