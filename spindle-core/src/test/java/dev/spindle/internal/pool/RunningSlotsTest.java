package dev.spindle.internal.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The meeting point of a worker finishing a task and the parent stopping it (timeout, cancel):
 * exactly one wins, so a stop that loses the race to the result kills nothing, and a worker whose
 * task was stopped sends no result for it. Each order of the race, driven step by step.
 */
class RunningSlotsTest {
    @Test
    void aStopThatComesAfterTheFinishClaimsNothing() {
        try (RunningSlots slots = RunningSlots.create(2)) {
            slots.startedRelease(1, 7);
            assertThat(slots.runningAcquire(1)).extracting(RunningSlots.Running::seq).isEqualTo(7L);
            assertThat(slots.finishedVolatile(1, 7)).isTrue();
            assertThat(slots.tryAbortVolatile(1, 7)).as("the result is on its way: no kill").isFalse();
            slots.startedRelease(1, 8);
            assertThat(slots.tryAbortVolatile(1, 7)).as("the worker runs a later task: no kill").isFalse();
            assertThat(slots.runningAcquire(1).aborted()).isFalse();
            slots.unlink();
        }
    }

    @Test
    void aStopThatComesFirstWinsAndTheWorkerSendsNoResult() {
        try (RunningSlots slots = RunningSlots.create(1)) {
            slots.startedRelease(0, 9);
            assertThat(slots.tryAbortVolatile(0, 9)).isTrue();
            assertThat(slots.tryAbortVolatile(0, 9)).as("claimed once").isFalse();
            RunningSlots.Running running = slots.runningAcquire(0);
            assertThat(running.seq()).isEqualTo(9);
            assertThat(running.aborted()).isTrue();
            assertThat(slots.finishedVolatile(0, 9)).as("the worker lost: no result, no next task").isFalse();
            slots.unlink();
        }
    }

    @Test
    void aStopOfATaskNotYetStartedClaimsNothing() {
        try (RunningSlots slots = RunningSlots.create(1)) {
            assertThat(slots.tryAbortVolatile(0, 3)).isFalse();
            assertThatThrownBy(() -> slots.runningAcquire(1)).isInstanceOf(IndexOutOfBoundsException.class);
            slots.unlink();
        }
    }
}
