package dev.spindle.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.sync.Event;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Python's Event semantics, the same for the thread event and the shared-memory one. */
@ExtendWith(NoLeaks.class)
class EventSemanticsTest {
    /** An event under test and a way to see that a waiter is inside its wait. */
    record Subject(String name, Event event, BooleanSupplier hasWaiters) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> events() {
        LocalEvent local = new LocalEvent();
        SharedEvent shared = SharedEvent.create();
        return Stream.of(Arguments.of(new Subject("threads", local, local::hasWaiters)),
                Arguments.of(new Subject("processes", shared, () -> shared.waiters() > 0)));
    }

    /** The events of finished tests are unreachable once JUnit lets go of their arguments. */
    @AfterAll
    static void dropSharedEvents() throws InterruptedException {
        NoLeaks.awaitUnreachableSegmentsRemoved();
    }

    private static CompletableFuture<Boolean> awaitIn(Thread.Builder builder, Event event, Duration timeout) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        builder.start(() -> {
            try {
                result.complete(timeout == null ? awaitForever(event) : event.await(timeout));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result;
    }

    private static boolean awaitForever(Event event) throws InterruptedException {
        event.await();
        return true;
    }

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(Deadlines.CHILD.toSeconds(), TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @MethodSource("events")
    void setClearAndIsSetAsInPython(Subject subject) throws Exception {
        Event event = subject.event();
        assertThat(event.isSet()).isFalse();
        assertThat(event.await(Duration.ZERO)).isFalse();
        event.set();
        event.set();
        assertThat(event.isSet()).isTrue();
        event.await();
        assertThat(event.await(Duration.ZERO)).isTrue();
        assertThat(event.await(Duration.ofDays(365_000_000))).as("a timeout too long for nanoseconds").isTrue();
        event.clear();
        assertThat(event.isSet()).isFalse();
        assertThat(event.await(Duration.ofMillis(20))).as("times out").isFalse();
        assertThat(event.await(Duration.ofSeconds(-1))).as("a negative timeout does not wait").isFalse();
        assertThatThrownBy(() -> event.await(null)).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest
    @MethodSource("events")
    void aSetWakesEveryWaiterPlatformAndVirtual(Subject subject) throws Exception {
        Event event = subject.event();
        List<CompletableFuture<Boolean>> waiters = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            waiters.add(awaitIn(Thread.ofPlatform(), event, null));
            waiters.add(awaitIn(Thread.ofVirtual(), event, Deadlines.CHILD.multipliedBy(2)));
        }
        Deadlines.await("a waiter is inside its wait", Deadlines.CHILD, subject.hasWaiters());
        event.set();
        for (CompletableFuture<Boolean> waiter : waiters) {
            assertThat(get(waiter)).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("events")
    void aWaiterWokenBySetReturnsTrueEvenIfClearedBeforeItRuns(Subject subject) throws Exception {
        Event event = subject.event();
        CompletableFuture<Boolean> waiter = awaitIn(Thread.ofPlatform(), event, Deadlines.CHILD);
        Deadlines.await("the waiter is inside its wait", Deadlines.CHILD, subject.hasWaiters());
        event.set();
        event.clear();
        assertThat(get(waiter)).isTrue();
        assertThat(event.isSet()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("events")
    void anInterruptEndsTheWaitOfAPlatformThread(Subject subject) throws Exception {
        Event event = subject.event();
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread waiter = Thread.ofPlatform().start(() -> {
            try {
                event.await();
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        Deadlines.await("the waiter is inside its wait", Deadlines.CHILD, subject.hasWaiters());
        waiter.interrupt();
        assertThat(get(outcome)).isInstanceOf(InterruptedException.class);
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> event.await(Duration.ofSeconds(1))).as("an interrupted caller does not wait")
                .isInstanceOf(InterruptedException.class);
    }

    /** A plain field, written before set and read after the wait. */
    private int published;

    @ParameterizedTest
    @MethodSource("events")
    void writesBeforeSetAreSeenAfterTheWait(Subject subject) throws Exception {
        Event event = subject.event();
        CompletableFuture<Integer> seen = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> {
            try {
                event.await();
                seen.complete(published);
            } catch (InterruptedException e) {
                seen.completeExceptionally(e);
            }
        });
        published = 42;
        event.set();
        assertThat(get(seen)).isEqualTo(42);
    }

    @ParameterizedTest
    @MethodSource("events")
    void waitingVirtualThreadsLeaveTheCarriersToOthers(Subject subject) throws Exception {
        Event event = subject.event();
        int waiting = 10_000;
        List<CompletableFuture<Boolean>> waiters = new ArrayList<>();
        for (int i = 0; i < waiting; i++) {
            waiters.add(awaitIn(Thread.ofVirtual(), event, null));
        }
        Deadlines.await("a waiter is inside its wait", Deadlines.CHILD, subject.hasWaiters());
        CompletableFuture<String> other = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> other.complete("ran"));
        assertThat(other.get(Deadlines.PROMPT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("ran");
        event.set();
        for (CompletableFuture<Boolean> waiter : waiters) {
            assertThat(get(waiter)).isTrue();
        }
    }
}
