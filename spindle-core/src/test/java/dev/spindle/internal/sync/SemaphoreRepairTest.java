package dev.spindle.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.internal.shm.SharedSegment;
import dev.spindle.internal.track.ProcessIdentity;
import dev.spindle.testing.NoLeaks;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A process killed in the middle of a semaphore change: the next one re-applies it from the redo record. */
@ExtendWith(NoLeaks.class)
class SemaphoreRepairTest {
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    @AfterAll
    static void dropSemaphores() throws InterruptedException {
        NoLeaks.awaitUnreachableSegmentsRemoved();
    }

    @Test
    void aChangeLeftHalfAppliedByADeadGuardHolderIsCompletedByTheNext() throws Exception {
        SharedSemaphore semaphore = SharedSemaphore.create(3, false);
        ProcessIdentity self = ProcessIdentity.self();
        long dead = new ProcessIdentity(self.pid(), self.startTicks() - 1).word(); // this pid, an earlier process
        try (SharedSegment mapped = SharedSegment.open(semaphore.segmentName())) {
            MemorySegment memory = mapped.memory();
            // The dead process took a permit: it wrote its redo record, set the intent, applied the slot and died
            // before the count was written.
            LONG.setVolatile(memory, SemaphoreLayout.GUARD, dead);
            INT.setVolatile(memory, SemaphoreLayout.INTENT_PERMITS, 2);
            INT.setVolatile(memory, SemaphoreLayout.INTENT_SLOT, 7);
            INT.setVolatile(memory, SemaphoreLayout.INTENT_HELD, 1);
            LONG.setVolatile(memory, SemaphoreLayout.INTENT_PROCESS, dead);
            INT.setVolatile(memory, SemaphoreLayout.INTENT, 1);
            LONG.setVolatile(memory, SemaphoreLayout.HOLDERS + 7 * SemaphoreLayout.SLOT_SIZE, dead);
            INT.setVolatile(memory, SemaphoreLayout.HOLDERS + 7 * SemaphoreLayout.SLOT_SIZE + 8, 1);

            assertThat(semaphore.tryAcquire()).isTrue();
            assertThat(semaphore.availablePermits()).as("the dead one's change, then this one's").isEqualTo(1);
            assertThat((int) INT.getVolatile(memory, SemaphoreLayout.INTENT)).isZero();
            assertThat(SemaphoreLayout.slotHeldVolatile(memory, 7)).isEqualTo(1);

            // A waiter finds the dead holder and gets its permit back.
            semaphore.acquire(); // the last permit
            assertThat(semaphore.acquire(java.time.Duration.ofSeconds(30))).as("the dead holder's permit").isTrue();
            assertThat(SemaphoreLayout.slotProcessVolatile(memory, 7)).as("its slot freed").isZero();
            semaphore.release(3);
            assertThat(semaphore.availablePermits()).isEqualTo(3);
        }
    }
}
