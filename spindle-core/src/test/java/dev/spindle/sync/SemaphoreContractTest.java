package dev.spindle.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.Context;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.ClusterFixture;
import dev.spindle.testing.NoLeaks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Python's Semaphore and BoundedSemaphore semantics, for the thread ones and the shared-memory ones. */
@ExtendWith(NoLeaks.class)
class SemaphoreContractTest {
    static Stream<Arguments> contexts() {
        return Stream.of(Arguments.of(Context.threads()), Arguments.of(Context.virtualThreads()),
                Arguments.of(Context.processes()), Arguments.of(ClusterFixture.context()));
    }

    @AfterAll
    static void dropSharedSemaphores() throws InterruptedException {
        NoLeaks.awaitUnreachableSegmentsRemoved();
    }

    private static CompletableFuture<Boolean> acquireIn(Thread.Builder builder, Semaphore semaphore, Duration timeout) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        builder.start(() -> {
            try {
                result.complete(timeout == null ? semaphore.acquire(true) : semaphore.acquire(timeout));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result;
    }

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(Deadlines.CHILD.toSeconds(), TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void permitsAreTakenAndReturnedAsInPython(Context context) throws Exception {
        Semaphore semaphore = context.semaphore(2);
        assertThat(semaphore.availablePermits()).isEqualTo(2);
        semaphore.acquire();
        assertThat(semaphore.acquire(false)).isTrue();
        assertThat(semaphore.availablePermits()).isZero();
        assertThat(semaphore.tryAcquire()).isFalse();
        assertThat(semaphore.acquire(false)).isFalse();
        assertThat(semaphore.acquire(Duration.ZERO)).isFalse();
        assertThat(semaphore.acquire(Duration.ofSeconds(-1))).isFalse();
        assertThat(semaphore.acquire(Duration.ofMillis(20))).as("times out").isFalse();
        semaphore.release(2);
        assertThat(semaphore.availablePermits()).isEqualTo(2);
        semaphore.release();
        assertThat(semaphore.availablePermits()).as("an unbounded semaphore goes above its start").isEqualTo(3);
        try (Held _ = semaphore.hold()) {
            assertThat(semaphore.availablePermits()).isEqualTo(2);
        }
        assertThat(semaphore.availablePermits()).isEqualTo(3);
        assertThat(semaphore.acquire(Duration.ofDays(365_000_000))).as("a timeout too long for nanoseconds").isTrue();
        assertThat(semaphore.toString()).contains("2 available");
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void badArgumentsAndABoundedOverReleaseAreClearErrors(Context context) throws Exception {
        assertThatThrownBy(() -> context.semaphore(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(">= 0");
        assertThatThrownBy(() -> context.boundedSemaphore(-1)).isInstanceOf(IllegalArgumentException.class);
        Semaphore bounded = context.boundedSemaphore(1);
        assertThatThrownBy(bounded::release).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("released too many times");
        bounded.acquire();
        assertThatThrownBy(() -> bounded.release(2)).as("nothing is released").isInstanceOf(IllegalStateException.class);
        assertThat(bounded.availablePermits()).isZero();
        bounded.release();
        assertThat(bounded.availablePermits()).isEqualTo(1);
        assertThatThrownBy(() -> bounded.release(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bounded.acquire(null)).isInstanceOf(NullPointerException.class);
        Semaphore zero = context.semaphore(0);
        assertThat(zero.tryAcquire()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void aReleaseWakesAWaiterAndAnInterruptEndsAWait(Context context) throws Exception {
        Semaphore semaphore = context.semaphore(0);
        CompletableFuture<Boolean> platform = acquireIn(Thread.ofPlatform(), semaphore, null);
        CompletableFuture<Boolean> virtual = acquireIn(Thread.ofVirtual(), semaphore, Deadlines.CHILD);
        semaphore.release(2);
        assertThat(get(platform)).isTrue();
        assertThat(get(virtual)).isTrue();
        assertThat(semaphore.availablePermits()).isZero();

        CompletableFuture<Throwable> interrupted = new CompletableFuture<>();
        Thread waiter = Thread.ofPlatform().start(() -> {
            try {
                semaphore.acquire();
                interrupted.complete(null);
            } catch (Throwable t) {
                interrupted.complete(t);
            }
        });
        waiter.interrupt(); // before or during its wait: either way the wait ends
        assertThat(get(interrupted)).isInstanceOf(InterruptedException.class);
        semaphore.release();
        Thread.currentThread().interrupt();
        assertThatThrownBy(semaphore::acquire).as("an interrupted caller does not wait").isInstanceOf(InterruptedException.class);
        assertThat(semaphore.availablePermits()).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void neverMoreHoldersThanPermitsAndThePermitsAreReached(Context context) throws Exception {
        Semaphore semaphore = context.semaphore(3);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<CompletableFuture<Boolean>> workers = new ArrayList<>();
        java.util.concurrent.CountDownLatch allIn = new java.util.concurrent.CountDownLatch(3);
        for (int t = 0; t < 8; t++) {
            CompletableFuture<Boolean> done = new CompletableFuture<>();
            Thread.Builder builder = t % 2 == 0 ? Thread.ofPlatform() : Thread.ofVirtual();
            builder.start(() -> {
                try {
                    for (int i = 0; i < 500; i++) {
                        try (Held _ = semaphore.hold()) {
                            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                            if (i == 0) {
                                allIn.countDown();
                                allIn.await(); // the first round of the first three meets: 3 is reached
                            }
                            inside.decrementAndGet();
                        }
                    }
                    done.complete(true);
                } catch (Throwable e) {
                    done.completeExceptionally(e);
                }
            });
            workers.add(done);
        }
        for (CompletableFuture<Boolean> worker : workers) {
            assertThat(get(worker)).isTrue();
        }
        assertThat(most.get()).isEqualTo(3);
        assertThat(semaphore.availablePermits()).isEqualTo(3);
    }
}
