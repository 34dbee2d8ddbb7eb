package dev.spindle.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.Context;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.multiprocessing.Pool;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One semaphore, its permits taken by children and pool workers; holders that die. */
@ExtendWith(NoLeaks.class)
@SuppressWarnings("serial") // the targets are serializable method references
class SemaphoreAcrossProcessesTest {
    @AfterEach
    void dropSemaphores() throws InterruptedException {
        NoLeaks.awaitUnreachableSegmentsRemoved();
    }

    /** Takes {@code permits} permits, says so, holds them until killed. */
    static void holdUntilKilled(Semaphore semaphore, int permits, Event held) throws Exception {
        for (int i = 0; i < permits; i++) {
            semaphore.acquire();
        }
        held.set();
        Thread.sleep(Long.MAX_VALUE);
    }

    static void holdTwoUntilKilled(Semaphore semaphore, Event held) throws Exception {
        holdUntilKilled(semaphore, 2, held);
    }

    static void releases(Semaphore semaphore) {
        semaphore.release();
    }

    static boolean takesOne(Semaphore semaphore, Duration timeout) throws InterruptedException {
        return semaphore.acquire(timeout);
    }

    private static ChildProcess holding(Semaphore semaphore) throws Exception {
        Event held = Context.processes().event();
        ChildProcess holder = new ChildProcess(SemaphoreAcrossProcessesTest::holdTwoUntilKilled, semaphore, held);
        holder.start();
        assertThat(held.await(Deadlines.CHILD)).isTrue();
        return holder;
    }

    @Test
    void thePermitsOfAHolderKilledGoBackToAWaitingProcess() throws Exception {
        Semaphore semaphore = Context.processes().semaphore(3);
        semaphore.acquire(); // this process holds one throughout
        ChildProcess holder = holding(semaphore);
        assertThat(semaphore.availablePermits()).isZero();
        CompletableFuture<Boolean> waiter = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                waiter.complete(semaphore.acquire(Deadlines.CHILD));
            } catch (Throwable t) {
                waiter.completeExceptionally(t);
            }
        });
        holder.kill();
        holder.join();
        assertThat(waiter.get(Deadlines.PROMPT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(semaphore.availablePermits()).as("the other returned permit").isEqualTo(1);
        semaphore.release(2);
        assertThat(semaphore.availablePermits()).isEqualTo(3);
    }

    @Test
    void aReturnNeverTakesTheCountAboveItsStart() throws Exception {
        Semaphore signal = Context.processes().semaphore(0);
        signal.release(2); // a producer's signals: the consumer below takes them
        ChildProcess consumer = holding(signal);
        consumer.kill();
        consumer.join();
        assertThat(signal.acquire(Duration.ofMillis(100))).as("a signal consumed is not returned").isFalse();
        assertThat(signal.availablePermits()).isZero();
    }

    @Test
    void aBoundedSemaphoreGetsItsPermitsBackAndStaysBounded() throws Exception {
        Semaphore bounded = Context.processes().boundedSemaphore(2);
        ChildProcess holder = holding(bounded);
        holder.kill();
        holder.join();
        assertThat(bounded.acquire(Deadlines.CHILD)).isTrue();
        bounded.release();
        assertThat(bounded.availablePermits()).isEqualTo(2);
    }

    @Test
    void anotherProcessReleasesAPermitAsInPython() throws Exception {
        Semaphore semaphore = Context.processes().semaphore(0);
        ChildProcess releaser = new ChildProcess(SemaphoreAcrossProcessesTest::releases, semaphore);
        releaser.start();
        assertThat(semaphore.acquire(Deadlines.CHILD)).isTrue();
        releaser.join();
        assertThat(releaser.exitCode()).isZero();
    }

    @Test
    void poolTasksTakePermitsOfTheSameSemaphore() throws Exception {
        Semaphore semaphore = Context.processes().semaphore(1);
        try (Pool pool = Context.processes().pool(1)) {
            assertThat(pool.apply(SemaphoreAcrossProcessesTest::takesOne, semaphore, Duration.ZERO)).isTrue();
            assertThat(pool.apply(SemaphoreAcrossProcessesTest::takesOne, semaphore, Duration.ofMillis(20)))
                    .as("the worker holds the only permit").isFalse();
            assertThat(semaphore.availablePermits()).isZero();
        }
        assertThat(semaphore.acquire(Deadlines.CHILD)).as("returned once the worker ended").isTrue();
    }
}
