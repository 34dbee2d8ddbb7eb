package dev.spindle.internal.shm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.internal.shm.RobustWord.Acquired;
import dev.spindle.internal.track.ProcessIdentity;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.multiprocessing.Connection;
import dev.spindle.multiprocessing.Pipe;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The cross-process mutex: exclusion between processes, and what happens when its owner dies. */
@ExtendWith(NoLeaks.class)
class RobustMutexTest {
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();
    private static final long WORD = 64;
    private static final long COUNTER = 128;

    private SharedSegment segment;

    @BeforeEach
    void map() {
        segment = SharedSegment.create("mutex-test", 4096);
    }

    @AfterEach
    void unmap() {
        segment.unlink();
        segment.close();
    }

    private RobustMutex mutex() {
        return new RobustMutex(segment.memory(), WORD);
    }

    private void recordOwner(long word) {
        LONG.setVolatile(segment.memory(), WORD, word);
    }

    @Test
    void anUncontendedLockIsCleanAndOnlyItsHolderReleasesIt() throws Exception {
        RobustMutex mutex = mutex();
        assertThatThrownBy(mutex::unlock).isInstanceOf(IllegalMonitorStateException.class);
        assertThat(mutex.lock()).isEqualTo(Acquired.CLEANLY);
        assertThat(mutex.ownerWord()).isEqualTo(ProcessIdentity.self().word());
        assertThat(mutex.isHeldByCurrentThread()).isTrue();
        CompletableFuture<Throwable> other = CompletableFuture.supplyAsync(() -> {
            try {
                mutex.unlock();
                return null;
            } catch (IllegalMonitorStateException expected) {
                return expected;
            }
        });
        assertThat(other.get(5, TimeUnit.SECONDS)).isInstanceOf(IllegalMonitorStateException.class);
        mutex.unlock();
        assertThat(mutex.ownerWord()).isZero();
        assertThat(mutex.lock()).isEqualTo(Acquired.CLEANLY);
        mutex.unlock();
    }

    @Test
    void aLiveOwnerIsWaitedForAndATimedLockGivesUp() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            long owner = ProcessIdentity.of(sleeper.pid()).word();
            recordOwner(owner);
            assertThat(mutex().lock(3 * RobustMutex.LIVENESS_SLICE_NANOS))
                    .as("an owner that lives keeps its lock").isNull();
            assertThat(mutex().tryLockIfFreeOrOrphaned()).isNull();
            assertThat(mutex().ownerWord()).isEqualTo(owner);
        } finally {
            sleeper.destroyForcibly().waitFor();
        }
    }

    @Test
    void theLockOfADeadOwnerIsTakenOverAndTheTakerIsToldSo() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        long owner = ProcessIdentity.of(sleeper.pid()).word();
        sleeper.destroyForcibly().waitFor();
        recordOwner(owner | MutexLayout.WAITERS);
        RobustMutex mutex = mutex();
        assertThat(mutex.lock()).isEqualTo(Acquired.FROM_DEAD_OWNER);
        assertThat(mutex.ownerWord()).isEqualTo(ProcessIdentity.self().word());
        mutex.unlock();
        assertThat(mutex.lock()).as("once released, the lock is clean again").isEqualTo(Acquired.CLEANLY);
        mutex.unlock();
    }

    @Test
    void aReusedPidIsNotTakenForTheOwner() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            ProcessIdentity live = ProcessIdentity.of(sleeper.pid());
            // The word of an earlier process that had this pid: same pid, another start time.
            recordOwner(new ProcessIdentity(live.pid(), live.startTicks() - 1).word());
            RobustMutex mutex = mutex();
            assertThat(mutex.tryLockIfFreeOrOrphaned()).isEqualTo(Acquired.FROM_DEAD_OWNER);
            mutex.unlock();
        } finally {
            sleeper.destroyForcibly().waitFor();
        }
    }

    @Test
    @SuppressWarnings("serial") // the child runs a method of this test class
    void aHolderKilledWhileOthersWaitHandsTheLockToOneOfThemThenToTheNext() throws Exception {
        Pipe report = Pipe.open(false);
        ChildProcess holder = new ChildProcess(RobustMutexTest::lockAndHold, segment.name(), report.right());
        holder.start();
        report.right().close();
        assertThat(report.left().<String>recv()).isEqualTo("held");
        report.left().close();
        List<CompletableFuture<Acquired>> waiters = new ArrayList<>();
        for (Thread.Builder builder : List.of(Thread.ofPlatform(), Thread.ofVirtual())) {
            CompletableFuture<Acquired> acquired = new CompletableFuture<>();
            RobustMutex mutex = mutex();
            builder.start(() -> {
                try {
                    Acquired how = mutex.lock();
                    mutex.unlock();
                    acquired.complete(how);
                } catch (Throwable t) {
                    acquired.completeExceptionally(t);
                }
            });
            waiters.add(acquired);
        }
        Deadlines.await("a waiter sleeps on the word", Deadlines.PROMPT,
                () -> ((long) LONG.getVolatile(segment.memory(), WORD) & MutexLayout.WAITERS) != 0);
        assertThat(waiters).noneMatch(CompletableFuture::isDone);
        holder.kill();
        holder.join();
        List<Acquired> outcomes = new ArrayList<>();
        for (CompletableFuture<Acquired> waiter : waiters) {
            outcomes.add(waiter.get(Deadlines.PROMPT.toMillis(), TimeUnit.MILLISECONDS));
        }
        assertThat(outcomes).containsExactlyInAnyOrder(Acquired.FROM_DEAD_OWNER, Acquired.CLEANLY);
        assertThat(mutex().ownerWord()).isZero();
    }

    static void lockAndHold(String segmentName, Connection report) throws Exception {
        SharedSegment mapped = SharedSegment.open(segmentName);
        new RobustMutex(mapped.memory(), WORD).lock();
        report.send("held");
        Thread.sleep(Long.MAX_VALUE); // until killed
    }

    @Test
    @SuppressWarnings("serial") // the children run a method of this test class
    void processesExcludeEachOther() throws Exception {
        int rounds = 20_000;
        List<ChildProcess> children = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ChildProcess child = new ChildProcess(RobustMutexTest::countUnderTheLock, segment.name(), rounds);
            child.start();
            children.add(child);
        }
        countUnderTheLock(segment.memory(), rounds);
        for (ChildProcess child : children) {
            child.join();
            assertThat(child.exitCode()).isZero();
        }
        assertThat((long) LONG.getVolatile(segment.memory(), COUNTER)).isEqualTo(3L * rounds);
    }

    static void countUnderTheLock(String segmentName, Integer rounds) throws Exception {
        try (SharedSegment mapped = SharedSegment.open(segmentName)) {
            countUnderTheLock(mapped.memory(), rounds);
        }
    }

    /** A read and a later write of the counter: increments are lost unless the lock excludes. */
    private static void countUnderTheLock(MemorySegment memory, int rounds) throws InterruptedException {
        RobustMutex mutex = new RobustMutex(memory, WORD);
        for (int i = 0; i < rounds; i++) {
            assertThat(mutex.lock()).isEqualTo(Acquired.CLEANLY);
            long value = (long) LONG.get(memory, COUNTER);
            Thread.onSpinWait();
            LONG.set(memory, COUNTER, value + 1);
            mutex.unlock();
        }
    }
}
