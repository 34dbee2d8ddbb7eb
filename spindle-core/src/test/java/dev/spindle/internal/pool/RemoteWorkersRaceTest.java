package dev.spindle.internal.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.multiprocessing.AsyncResult;
import dev.spindle.multiprocessing.Pool;
import dev.spindle.testing.ClusterFixture;
import dev.spindle.testing.Deadlines;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A cluster pool's hand-over windows, each held open by a {@link RaceWindows} point. */
@SuppressWarnings("serial") // the task is a method reference that the pool encodes; nothing untrusted decodes it
class RemoteWorkersRaceTest {
    @AfterEach
    void resetWindows() {
        RaceWindows.reset();
    }

    static int square(int x) {
        return x * x;
    }

    /**
     * The dispatcher has taken a task from the engine's queue, and terminate() comes before the
     * task is recorded as handed over: terminate finds it neither queued nor sent. The task fails
     * with the pool and never goes to the cluster (before, join returned with its result never
     * set, and the task ran on a worker host that no one would stop: a suite run with two test
     * JVMs met it).
     */
    @Test
    void aTerminateWhileTheDispatcherHoldsAnUnrecordedBatchFailsItAndSendsNothing() throws Exception {
        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch terminated = new CountDownLatch(1);
        RaceWindows.batchTakenNotRecorded = () -> {
            taken.countDown();
            Deadlines.await(terminated, "the test has terminated the pool");
        };
        Pool pool = ClusterFixture.context().pool(1);
        AsyncResult<Integer> result = pool.applyAsync(RemoteWorkersRaceTest::square, 7);
        Deadlines.await(taken, "the dispatcher takes the task");
        pool.terminate();
        terminated.countDown();
        assertThat(pool.join(Deadlines.CHILD)).isTrue();
        assertThat(result.ready()).as("the task's result is settled once join returns").isTrue();
        assertThatThrownBy(result::get).isInstanceOf(CancellationException.class);
    }
}
