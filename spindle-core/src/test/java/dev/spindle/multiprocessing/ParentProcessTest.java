package dev.spindle.multiprocessing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.Context;
import dev.spindle.Spindle;
import dev.spindle.internal.track.ProcessIdentity;
import dev.spindle.queue.Queue;
import dev.spindle.sync.Event;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link Spindle#parentProcess()}: who started this process (Python's {@code multiprocessing.parent_process()}). */
@ExtendWith(NoLeaks.class)
@SuppressWarnings("serial") // the targets are serializable method references
class ParentProcessTest {
    @AfterAll
    static void dropShared() throws InterruptedException {
        NoLeaks.awaitUnreachableSegmentsRemoved();
    }

    /** Puts what this process knows of its parent into {@code reports}: name, pid, alive, ended within 50 ms. */
    static void reportsItsParent(Queue<Object> reports) throws InterruptedException {
        ParentProcess parent = Spindle.parentProcess();
        reports.put(List.of(parent.name(), parent.pid(), parent.isAlive(), parent.join(Duration.ofMillis(50)),
                Spindle.currentProcess().parentPid()));
    }

    /** Starts a grandchild that reports its parent (this process), and waits for it. */
    static void startsAReporter(Queue<Object> reports) throws InterruptedException {
        ChildProcess grandchild = new ChildProcess(ParentProcessTest::reportsItsParent, reports);
        grandchild.start();
        grandchild.join();
        reports.put(ProcessHandle.current().pid());
    }

    /** CPython's {@code test_parent_process_attributes}: None in the main program. */
    @Test
    void theMainProgramHasNoParentProcess() {
        assertThat(Spindle.parentProcess()).isNull();
    }

    /**
     * CPython's {@code test_parent_process_attributes} and {@code test_parent_process}: a child's
     * parent is this process, by name and pid, and is alive (its {@code join} with a timeout
     * times out); a grandchild's is the child, by the child's name.
     */
    @ParameterizedTest
    @EnumSource(value = StartMethod.class, names = {"SPAWN", "WARM"})
    void aChildKnowsItsParentsNamePidAndThatItLives(StartMethod method) throws Exception {
        Queue<Object> reports = Context.processes().queue();
        ChildProcess child = new ChildProcess(ParentProcessTest::reportsItsParent, reports).startMethod(method);
        child.start();
        long me = ProcessHandle.current().pid();
        assertThat(reports.get(Deadlines.CHILD)).isEqualTo(List.of("MainProcess", me, true, false, me));
        child.join();

        ChildProcess spawner = new ChildProcess(ParentProcessTest::startsAReporter, reports).startMethod(method);
        spawner.name("spawner");
        spawner.start();
        List<?> grandchildsReport = (List<?>) reports.get(Deadlines.CHILD);
        assertThat(reports.get(Deadlines.CHILD)).as("the spawner's pid").isEqualTo(spawner.pid());
        assertThat(grandchildsReport).isEqualTo(List.of("spawner", spawner.pid(), true, false, spawner.pid()));
        spawner.join();
        assertThat(spawner.exitCode()).isZero();
    }

    static void awaits(Event go) throws InterruptedException {
        go.await();
    }

    /** CPython's {@code test_parent_process}'s second half: a parent that has ended is not alive, and joins at once. */
    @Test
    void aParentThatEndedIsNotAliveAndJoinsAtOnce() throws Exception {
        Event go = Context.processes().event();
        ChildProcess child = new ChildProcess(ParentProcessTest::awaits, go);
        child.start();
        ParentProcess running = new ParentProcess("child", ProcessIdentity.of(child.pid()));
        assertThat(running.isAlive()).isTrue();
        assertThat(running.join(Duration.ofMillis(1))).isFalse();
        go.set();
        child.join();
        assertThat(running.isAlive()).isFalse();
        assertThat(running.join(Duration.ofDays(1))).isTrue();
        running.join();
        assertThat(running).hasToString("ParentProcess[child, pid " + child.pid() + ", ended]");
    }
}
