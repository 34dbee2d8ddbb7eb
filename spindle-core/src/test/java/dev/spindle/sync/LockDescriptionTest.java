package dev.spindle.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.Context;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a lock's and an event's {@code toString} say: who holds a lock (its process and thread,
 * and an RLock's holds), whether an event is set. CPython's {@code _TestLock.test_repr_lock} and
 * {@code test_repr_rlock} ({@code <Lock(owner=SomeOtherProcess)>},
 * {@code <RLock(MainProcess, 3)>}), and an event's repr (set or unset).
 */
@ExtendWith(NoLeaks.class)
@SuppressWarnings("serial") // the targets are serializable method references
class LockDescriptionTest {
    private static final long PID = ProcessHandle.current().pid();

    static Stream<Context> threadContexts() {
        return Stream.of(Context.threads(), Context.virtualThreads());
    }

    @AfterEach
    void dropLocks() throws InterruptedException {
        NoLeaks.awaitUnreachableSegmentsRemoved();
    }

    /** CPython's {@code test_repr_lock}: free ({@code owner=None}), and held by this process's thread. */
    @Test
    void aCrossProcessLockNamesTheProcessAndThreadThatHoldIt() {
        Lock lock = Context.processes().lock();
        assertThat(lock).hasToString("Lock[Unlocked, shared by processes]");
        lock.lock();
        String me = Thread.currentThread().getName();
        assertThat(lock).hasToString("Lock[Locked by thread " + me + " of MainProcess (pid " + PID + "), shared by processes]");
        lock.unlock();
        assertThat(lock).hasToString("Lock[Unlocked, shared by processes]");
    }

    /** CPython's {@code test_repr_rlock}: {@code <RLock(None, 0)>}, {@code <RLock(MainProcess, 2)>}. */
    @Test
    void aCrossProcessRLockAlsoCountsItsHolds() {
        RLock lock = Context.processes().rlock();
        assertThat(lock).hasToString("RLock[Unlocked, shared by processes]");
        lock.lock();
        lock.lock();
        String me = Thread.currentThread().getName();
        assertThat(lock).hasToString("RLock[Locked by thread " + me + " of MainProcess (pid " + PID
                + "), 2 holds, shared by processes]");
        lock.unlock();
        assertThat(lock.toString()).contains(", 1 hold, ");
        lock.unlock();
        assertThat(lock).hasToString("RLock[Unlocked, shared by processes]");
    }

    /** Takes {@code lock} ({@code holds} times if reentrant), says so, and holds it until {@code done}. */
    static void holdsUntil(Lock lock, Integer holds, Event held, Event done) throws InterruptedException {
        for (int i = 0; i < holds; i++) {
            lock.lock();
        }
        held.set();
        done.await();
    }

    /** CPython's {@code test_repr_lock} and {@code test_repr_rlock} with the lock in another process ({@code SomeOtherProcess}). */
    @Test
    void aLockHeldInAChildNamesTheChildsPidAndThread() throws Exception {
        Lock lock = Context.processes().lock();
        RLock rlock = Context.processes().rlock();
        Event held = Context.processes().event();
        Event done = Context.processes().event();
        ChildProcess lockHolder = new ChildProcess(LockDescriptionTest::holdsUntil, lock, 1, held, done);
        lockHolder.start();
        assertThat(held.await(Deadlines.CHILD)).isTrue();
        held.clear();
        ChildProcess rlockHolder = new ChildProcess(LockDescriptionTest::holdsUntil, rlock, 3, held, done);
        rlockHolder.start();
        assertThat(held.await(Deadlines.CHILD)).isTrue();
        try {
            assertThat(lock.toString()).matches("Lock\\[Locked by thread #\\d+ of pid " + lockHolder.pid()
                    + ", shared by processes]");
            assertThat(rlock.toString()).matches("RLock\\[Locked by thread #\\d+ of pid " + rlockHolder.pid()
                    + ", 3 holds, shared by processes]");
        } finally {
            done.set();
            lockHolder.join();
            rlockHolder.join();
        }
        assertThat(rlockHolder.exitCode()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("threadContexts")
    void aThreadLockNamesTheThreadThatHoldsIt(Context ctx) throws Exception {
        Lock lock = ctx.lock();
        RLock rlock = ctx.rlock();
        assertThat(lock).hasToString("Lock[Unlocked]");
        assertThat(rlock).hasToString("RLock[Unlocked]");
        rlock.lock();
        rlock.lock();
        assertThat(rlock).hasToString("RLock[Locked by thread " + Thread.currentThread().getName() + ", 2 holds]");
        rlock.unlock();
        rlock.unlock();
        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread holder = Thread.ofPlatform().name("holder").start(() -> {
            lock.lock();
            rlock.lock();
            taken.countDown();
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            rlock.unlock();
        });
        taken.await();
        assertThat(lock).hasToString("Lock[Locked by thread holder]");
        assertThat(rlock).as("another thread's holds are its own").hasToString("RLock[Locked by thread holder]");
        done.countDown();
        holder.join();
        lock.unlock(); // a Lock is released by any thread
        assertThat(lock).hasToString("Lock[Unlocked]");
        assertThat(rlock).hasToString("RLock[Unlocked]");
    }

    /** An event's repr says whether it is set, as Python's ({@code <threading.Event at …: set>}). */
    @Test
    void anEventSaysWhetherItIsSet() {
        for (Context ctx : new Context[] {Context.processes(), Context.threads()}) {
            Event event = ctx.event();
            String shared = ctx.kind() == Context.Kind.PROCESSES ? ", shared by processes" : "";
            assertThat(event).hasToString("Event[unset" + shared + "]");
            event.set();
            assertThat(event).hasToString("Event[set" + shared + "]");
            event.clear();
            assertThat(event).hasToString("Event[unset" + shared + "]");
        }
    }
}
