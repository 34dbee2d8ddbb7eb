package dev.spindle.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.Context;
import dev.spindle.SerializationException;
import dev.spindle.futures.ProcessPoolExecutor;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.multiprocessing.Connection;
import dev.spindle.multiprocessing.Pipe;
import dev.spindle.multiprocessing.Pool;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One Lock or RLock, held by the parent, its children and pool workers; a holder that dies. */
@ExtendWith(NoLeaks.class)
@SuppressWarnings("serial") // the targets are serializable method references
class LockAcrossProcessesTest {
    @TempDir
    Path dir;

    static Stream<Arguments> locks() {
        Supplier<Lock> lock = () -> Context.processes().lock();
        Supplier<Lock> rlock = () -> Context.processes().rlock();
        return Stream.of(Arguments.of("Lock", lock), Arguments.of("RLock", rlock));
    }

    @AfterEach
    void dropLocks() throws InterruptedException {
        NoLeaks.awaitUnreachableSegmentsRemoved();
    }

    /** Takes {@code lock} three times over (once if it is not reentrant), says so, holds it until killed. */
    static void holdUntilKilled(Lock lock, Event held) throws Exception {
        lock.lock();
        if (lock instanceof RLock rlock) {
            rlock.lock();
            rlock.lock();
        }
        held.set();
        Thread.sleep(Long.MAX_VALUE);
    }

    static void releases(Lock lock) {
        lock.release();
    }

    /** The seed's ticket sale: read, decrement, write the counter file, under the lock. */
    static int sellOne(Lock lock, Path counter) throws Exception {
        try (var _ = lock.hold()) {
            int left = Integer.parseInt(Files.readString(counter).trim());
            Thread.onSpinWait(); // the read-modify-write window the lock must protect
            Files.writeString(counter, Integer.toString(left - 1));
            return left;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("locks")
    void aHolderKilledHandsTheLockToAWaitingProcessThatIsToldItsOwnerDied(String name, Supplier<Lock> make)
            throws Exception {
        Lock lock = make.get();
        Event held = Context.processes().event();
        ChildProcess holder = new ChildProcess(LockAcrossProcessesTest::holdUntilKilled, lock, held);
        holder.start();
        assertThat(held.await(Deadlines.CHILD)).isTrue();
        assertThat(lock.isLocked()).isTrue();
        assertThat(lock.tryLock()).as("held by a live child").isFalse();

        CompletableFuture<Boolean> waiter = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> {
            lock.lock();
            boolean died = lock.ownerDied();
            lock.unlock();
            waiter.complete(died);
        });
        holder.kill();
        holder.join();
        assertThat(waiter.get(Deadlines.PROMPT.toMillis(), TimeUnit.MILLISECONDS)).as("told the owner died").isTrue();
        assertThat(lock.isLocked()).isFalse();
        assertThat(lock.ownerDied()).as("reset by the release").isFalse();
        assertThat(lock.tryLock()).isTrue();
        assertThat(lock.ownerDied()).isFalse();
        lock.unlock();
    }

    @Test
    void aHolderKilledIsTakenOverByTryLockWithoutWaiting() throws Exception {
        RLock lock = Context.processes().rlock();
        Event held = Context.processes().event();
        ChildProcess holder = new ChildProcess(LockAcrossProcessesTest::holdUntilKilled, lock, held);
        holder.start();
        assertThat(held.await(Deadlines.CHILD)).isTrue();
        holder.kill();
        holder.join();
        assertThat(lock.tryLock()).isTrue();
        assertThat(lock.ownerDied()).isTrue();
        assertThat(lock.getHoldCount()).as("the dead owner's three holds are not inherited").isEqualTo(1);
        lock.unlock();
        assertThat(lock.isLocked()).isFalse();
        assertThat(lock.ownerDied()).isFalse();
    }

    @Test
    void anotherProcessReleasesALockAsInPython() throws Exception {
        Lock lock = Context.processes().lock();
        lock.lock();
        ChildProcess releaser = new ChildProcess(LockAcrossProcessesTest::releases, lock);
        releaser.start();
        releaser.join();
        assertThat(releaser.exitCode()).isZero();
        assertThat(lock.isLocked()).isFalse();
    }

    @Test
    void aChildsLambdaCapturingTheLockReleasesIt() throws Exception {
        Lock lock = Context.processes().lock();
        lock.lock();
        ChildProcess releaser = new ChildProcess(() -> lock.release());
        releaser.start();
        releaser.join();
        assertThat(releaser.exitCode()).isZero();
        assertThat(lock.isLocked()).isFalse();
    }

    @Test
    void anotherProcessCannotReleaseAnRLock() throws Exception {
        RLock lock = Context.processes().rlock();
        lock.lock();
        ChildProcess releaser = new ChildProcess(LockAcrossProcessesTest::releases, lock);
        releaser.start();
        releaser.join();
        assertThat(releaser.exitCode()).as("IllegalMonitorStateException in the child").isNotZero();
        assertThat(lock.isHeldByCurrentThread()).isTrue();
        lock.unlock();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("locks")
    void poolTasksGetTheLockAsAnArgumentAndNeverOversell(String name, Supplier<Lock> make) throws Exception {
        Lock lock = make.get();
        Path counter = dir.resolve("f1.txt");
        int tickets = 40;
        Files.writeString(counter, Integer.toString(tickets));
        List<Future<Integer>> sales = new ArrayList<>();
        try (ProcessPoolExecutor pool = new ProcessPoolExecutor(3)) {
            for (int i = 0; i < tickets; i++) {
                sales.add(pool.submit(LockAcrossProcessesTest::sellOne, lock, counter));
            }
            List<Integer> seen = new ArrayList<>();
            for (Future<Integer> sale : sales) {
                seen.add(sale.get(Deadlines.CHILD.toSeconds(), TimeUnit.SECONDS));
            }
            assertThat(seen).as("each ticket sold once").doesNotHaveDuplicates().hasSize(tickets);
        }
        assertThat(Files.readString(counter)).isEqualTo("0");
    }

    static void releasesWhatItReceives(Connection conn) throws Exception {
        try (conn) {
            Lock lock = conn.recv();
            lock.release();
            conn.send("released");
        }
    }

    /** Set in a pool worker by its initializer. */
    static Semaphore workerSemaphore;

    static void keepSemaphore(Semaphore semaphore) {
        workerSemaphore = semaphore;
    }

    static boolean takePermit(int ignored) {
        return workerSemaphore.tryAcquire();
    }

    @Test
    void aLockSentOverAPipeToARunningChildIsTheSameLock() throws Exception {
        Lock lock = Context.processes().lock();
        lock.lock();
        Pipe pipe = Pipe.open();
        ChildProcess child = new ChildProcess(LockAcrossProcessesTest::releasesWhatItReceives, pipe.right());
        child.start();
        pipe.right().close();
        try (Connection conn = pipe.left()) {
            conn.send(lock);
            assertThat(conn.<String>recv()).isEqualTo("released");
        }
        child.join();
        assertThat(lock.isLocked()).isFalse();
    }

    @Test
    void aPoolInitializerGetsASemaphoreThatItsTasksThenUse() throws Exception {
        Semaphore semaphore = Context.processes().semaphore(2);
        try (Pool pool = Pool.builder().processes(1).initializer(LockAcrossProcessesTest::keepSemaphore, semaphore).build()) {
            assertThat(pool.apply(LockAcrossProcessesTest::takePermit, 0)).isTrue();
            assertThat(pool.apply(LockAcrossProcessesTest::takePermit, 0)).isTrue();
            assertThat(pool.apply(LockAcrossProcessesTest::takePermit, 0)).as("both permits taken in the worker").isFalse();
            assertThat(semaphore.availablePermits()).isZero();
        }
    }

    @Test
    void aThreadContextsLockCannotBeSentToAProcess() {
        Lock local = Context.threads().lock();
        ChildProcess child = new ChildProcess(LockAcrossProcessesTest::releases, local);
        assertThatThrownBy(child::start).isInstanceOf(SerializationException.class).hasMessageContaining("a Lock made by a threads context").hasMessageContaining("Context.processes()");
    }
}
