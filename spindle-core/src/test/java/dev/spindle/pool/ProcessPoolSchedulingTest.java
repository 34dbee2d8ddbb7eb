package dev.spindle.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.Spindle;
import dev.spindle.multiprocessing.AsyncResult;
import dev.spindle.multiprocessing.Pool;
import dev.spindle.sync.Event;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Which worker process a queued task goes to. */
@ExtendWith(NoLeaks.class)
@SuppressWarnings("serial") // the targets are serializable method references
class ProcessPoolSchedulingTest {
    @AfterEach
    void dropEvents() throws InterruptedException {
        NoLeaks.awaitUnreachableSegmentsRemoved();
    }

    /** Bounded, so that a failed test does not leave its pool waiting for ever on close. */
    static String runsUntil(Event release, String name) throws InterruptedException {
        release.await(Deadlines.CHILD.multipliedBy(2));
        return name;
    }

    static String quick(Event ignored, String name) {
        return name;
    }

    /**
     * Tasks of unknown length are not queued inside a busy worker: the task behind two long ones
     * goes to whichever worker frees up first (here the socket-server seed would otherwise leave a
     * client waiting behind another client's connection).
     */
    @Test
    void aTaskQueuedBehindLongTasksRunsOnTheFirstWorkerToFreeUp() throws Exception {
        Event releaseFirst = Spindle.event();
        Event releaseSecond = Spindle.event();
        try (Pool pool = Pool.builder().processes(2).build()) {
            AsyncResult<String> first = pool.applyAsync(ProcessPoolSchedulingTest::runsUntil, releaseFirst, "first");
            AsyncResult<String> second = pool.applyAsync(ProcessPoolSchedulingTest::runsUntil, releaseSecond, "second");
            AsyncResult<String> third = pool.applyAsync(ProcessPoolSchedulingTest::quick, releaseFirst, "third");

            try {
                releaseFirst.set();
                assertThat(first.get(Deadlines.CHILD)).isEqualTo("first");
                assertThat(third.get(Deadlines.CHILD)).as("ran while the second still runs").isEqualTo("third");
                assertThat(second.ready()).isFalse();

                releaseSecond.set();
                assertThat(second.get(Deadlines.CHILD)).isEqualTo("second");
            } finally {
                releaseSecond.set();
            }
        }
    }
}
