package dev.spindle.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.Context;
import dev.spindle.SerializationException;
import dev.spindle.Spindle;
import dev.spindle.multiprocessing.AsyncResult;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.multiprocessing.Pool;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** One event, set and awaited by the parent, its children and pool workers. */
@ExtendWith(NoLeaks.class)
@SuppressWarnings("serial") // the targets are serializable method references
class EventAcrossProcessesTest {
    @TempDir
    Path dir;

    @AfterEach
    void dropEvents() throws InterruptedException {
        NoLeaks.awaitUnreachableSegmentsRemoved();
    }

    static void arriveThenAwait(Event event, Path gate) throws Exception {
        Files.writeString(gate.resolveSibling("arrived"), "");
        event.await();
        Files.writeString(gate, "woken");
    }

    static void sets(Event event) {
        event.set();
    }

    static boolean awaitsAtMost(Event event, Duration timeout) throws InterruptedException {
        return event.await(timeout);
    }

    @Test
    void aChildWaitsUntilTheParentSets() throws Exception {
        Event event = Spindle.event();
        Path woken = dir.resolve("woken");
        ChildProcess child = new ChildProcess(EventAcrossProcessesTest::arriveThenAwait, event, woken);
        child.start();
        Deadlines.await("the child reaches its wait", Deadlines.CHILD, () -> Files.exists(dir.resolve("arrived")));
        assertThat(Files.exists(woken)).isFalse();
        event.set();
        child.join();
        assertThat(child.exitCode()).isZero();
        assertThat(Files.readString(woken)).isEqualTo("woken");
    }

    @Test
    void theParentWaitsUntilAChildSets() throws Exception {
        Event event = Context.processes().event();
        ChildProcess child = new ChildProcess(EventAcrossProcessesTest::sets, event);
        child.start();
        assertThat(event.await(Deadlines.CHILD)).isTrue();
        assertThat(event.isSet()).isTrue();
        child.join();
        assertThat(child.exitCode()).isZero();
    }

    @Test
    void aRunningPoolWorkerGetsTheEventAsATaskArgument() throws Exception {
        Event event = Context.processes().event();
        try (Pool pool = Context.processes().pool(1)) {
            assertThat(pool.apply(EventAcrossProcessesTest::awaitsAtMost, event, Duration.ofMillis(10)))
                    .as("not set: the worker's wait times out").isFalse();
            AsyncResult<Boolean> waiting = pool.applyAsync(EventAcrossProcessesTest::awaitsAtMost, event, Deadlines.CHILD);
            event.set();
            assertThat(waiting.get(Deadlines.CHILD)).isTrue();
            event.clear();
            assertThat(pool.apply(EventAcrossProcessesTest::awaitsAtMost, event, Duration.ZERO)).as("cleared in the parent").isFalse();
        }
    }

    @Test
    void aThreadContextsEventCannotBeSentToAProcess() {
        Event local = Context.threads().event();
        ChildProcess child = new ChildProcess(EventAcrossProcessesTest::sets, local);
        assertThatThrownBy(child::start).isInstanceOf(SerializationException.class).hasMessageContaining("an Event made by a threads context").hasMessageContaining("Context.processes()");
    }

    @Test
    void anEventItsMakerNoLongerReachesIsRemoved() throws Exception {
        assertThat(NoLeaks.ownSegments()).isEmpty();
        Event event = Context.processes().event();
        assertThat(NoLeaks.ownSegments()).hasSize(1);
        Reference.reachabilityFence(event);
        event = null;
        dropEvents();
        assertThat(NoLeaks.ownSegments()).isEmpty();
    }
}
