package dev.spindle.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.Context;
import dev.spindle.function.SerializableRunnable;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Python's Barrier semantics, for the thread barrier and the shared-memory one. */
@ExtendWith(NoLeaks.class)
@SuppressWarnings("serial") // the actions are serializable lambdas
class BarrierContractTest {
    static Stream<Arguments> contexts() {
        return Stream.of(Arguments.of(Context.threads()), Arguments.of(Context.virtualThreads()),
                Arguments.of(Context.processes()));
    }

    @AfterAll
    static void dropShared() throws InterruptedException {
        NoLeaks.awaitUnreachableSegmentsRemoved();
    }

    private static CompletableFuture<Integer> party(Barrier barrier, Duration timeout) {
        CompletableFuture<Integer> index = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                index.complete(timeout == null ? barrier.await() : barrier.await(timeout));
            } catch (Throwable t) {
                index.completeExceptionally(t);
            }
        });
        return index;
    }

    private static Throwable failure(CompletableFuture<?> future) throws Exception {
        try {
            future.get(Deadlines.CHILD.toSeconds(), TimeUnit.SECONDS);
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        }
    }

    private static void awaitWaiting(Barrier barrier, int n) throws InterruptedException {
        Deadlines.await(n + " parties wait", Deadlines.CHILD, () -> barrier.nWaiting() == n);
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void allPartiesGoOnTogetherWithTheirArrivalIndexAndTheLastRunsTheAction(Context context) throws Exception {
        int[] actions = {0};
        Barrier barrier = context.barrier(3, (SerializableRunnable) () -> actions[0]++);
        assertThat(barrier.parties()).isEqualTo(3);
        for (int round = 0; round < 3; round++) {
            CompletableFuture<Integer> first = party(barrier, null);
            awaitWaiting(barrier, 1);
            CompletableFuture<Integer> second = party(barrier, Deadlines.CHILD);
            awaitWaiting(barrier, 2);
            assertThat(first).isNotDone();
            assertThat(barrier.await()).as("the last to arrive").isEqualTo(2);
            assertThat(first.get(Deadlines.CHILD.toSeconds(), TimeUnit.SECONDS)).isZero();
            assertThat(second.get(Deadlines.CHILD.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(barrier.nWaiting()).isZero();
        }
        assertThat(actions[0]).as("the action ran once a round, in the last party's thread").isEqualTo(3);
        assertThat(barrier.isBroken()).isFalse();
        assertThat(context.barrier(1).await()).as("one party passes at once").isZero();
        assertThatThrownBy(() -> context.barrier(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * CPython's {@code _TestBarrier.test_default_timeout}: {@code await()} of a barrier made with a
     * timeout breaks it when the timeout passes; {@code await(Duration)} waits as it is told.
     */
    @ParameterizedTest
    @MethodSource("contexts")
    void theDefaultTimeoutBreaksAnAwaitWithoutOne(Context context) throws Exception {
        Barrier barrier = context.barrier(2, null, Duration.ofMillis(50));
        assertThat(barrier.timeout()).contains(Duration.ofMillis(50));
        assertThat(context.barrier(2).timeout()).isEmpty();
        assertThatThrownBy(barrier::await).isInstanceOf(BrokenBarrierException.class).hasMessageContaining("timed out");
        assertThat(barrier.isBroken()).isTrue();
        barrier.reset();
        CompletableFuture<Integer> patient = party(barrier, Deadlines.CHILD);
        awaitWaiting(barrier, 1);
        assertThat(barrier.await(Deadlines.CHILD)).isEqualTo(1);
        assertThat(failure(patient)).isNull();
        assertThatThrownBy(() -> context.barrier(2, null, Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void aTimeoutBreaksTheBarrierForEveryoneUntilReset(Context context) throws Exception {
        Barrier barrier = context.barrier(3);
        CompletableFuture<Integer> waiting = party(barrier, null);
        awaitWaiting(barrier, 1);
        assertThatThrownBy(() -> barrier.await(Duration.ofMillis(20))).isInstanceOf(BrokenBarrierException.class)
                .hasMessageContaining("timed out");
        assertThat(failure(waiting)).isInstanceOf(BrokenBarrierException.class);
        assertThat(barrier.isBroken()).isTrue();
        assertThatThrownBy(barrier::await).as("broken until reset").isInstanceOf(BrokenBarrierException.class);
        barrier.reset();
        assertThat(barrier.isBroken()).isFalse();
        assertThat(barrier.nWaiting()).isZero();
        CompletableFuture<Integer> a = party(barrier, null);
        CompletableFuture<Integer> b = party(barrier, null);
        awaitWaiting(barrier, 2);
        barrier.await();
        assertThat(failure(a)).isNull();
        assertThat(failure(b)).isNull();
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void abortAndResetBreakTheWaitersAndAFailingActionBreaksTheRound(Context context) throws Exception {
        Barrier barrier = context.barrier(2);
        CompletableFuture<Integer> waiting = party(barrier, null);
        awaitWaiting(barrier, 1);
        barrier.abort();
        assertThat(failure(waiting)).isInstanceOf(BrokenBarrierException.class);
        barrier.reset();
        CompletableFuture<Integer> resetWhileWaiting = party(barrier, null);
        awaitWaiting(barrier, 1);
        barrier.reset();
        assertThat(failure(resetWhileWaiting)).as("a reset breaks the waiting round").isInstanceOf(BrokenBarrierException.class);
        assertThat(barrier.isBroken()).as("and leaves the barrier whole").isFalse();

        Barrier failing = context.barrier(2, (SerializableRunnable) () -> {
            throw new IllegalStateException("action failed");
        });
        CompletableFuture<Integer> other = party(failing, null);
        awaitWaiting(failing, 1);
        assertThatThrownBy(failing::await).isInstanceOf(IllegalStateException.class).hasMessage("action failed");
        assertThat(failure(other)).isInstanceOf(BrokenBarrierException.class);
        assertThat(failing.isBroken()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void anInterruptBreaksTheBarrier(Context context) throws Exception {
        Barrier barrier = context.barrier(3);
        List<CompletableFuture<Throwable>> outcomes = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            CompletableFuture<Throwable> outcome = new CompletableFuture<>();
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    barrier.await();
                    outcome.complete(null);
                } catch (Throwable t) {
                    outcome.complete(t);
                }
            }));
            outcomes.add(outcome);
        }
        awaitWaiting(barrier, 2);
        threads.getFirst().interrupt();
        assertThat(outcomes.get(0).get(Deadlines.CHILD.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        assertThat(outcomes.get(1).get(Deadlines.CHILD.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(BrokenBarrierException.class);
        assertThat(barrier.isBroken()).isTrue();
    }
}
