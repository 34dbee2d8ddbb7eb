package dev.spindle.cli;

import dev.spindle.Context;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.sync.Barrier;
import dev.spindle.sync.Condition;
import dev.spindle.sync.Event;
import dev.spindle.sync.Held;
import dev.spindle.sync.Lock;
import dev.spindle.sync.Semaphore;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The sync suite, the same workloads as CPython's script: acquire + release of a cross-process
 * Lock in one thread; two Events handed back and forth between the parent and a child; a turn
 * handed back and forth through one Condition and a shared int; rounds of a Barrier(2) between
 * the parent and a child; and how
 * long a process waiting for a Lock takes to hold it once the holder is SIGKILLed (CPython has no
 * figure: its waiters wait for ever).
 */
final class SyncBench {
    private static final int LOCK_PAIRS = 10_000_000;
    private static final int PING_PONGS = 5_000;
    private static final int WARM_UPS = 5;
    private static final Duration CHILD_DEADLINE = Duration.ofMinutes(1);

    private SyncBench() {}

    static void run(int runs, Report report) throws Exception {
        Context processes = Context.processes();
        report.figure("lock.uncontended_pairs_per_s", "pairs/s", runs, () -> warmed(() -> lockPairsPerSecond(processes.lock())));
        report.figure("event.pingpong_2proc_per_s", "round trips/s", Math.max(5, runs / 3), SyncBench::eventPingPong);
        report.figure("condition.pingpong_2proc_per_s", "round trips/s", Math.max(5, runs / 3), SyncBench::conditionPingPong);
        report.figure("barrier.2proc_rounds_per_s", "rounds/s", Math.max(5, runs / 3), SyncBench::barrierRounds);
        report.figure("lock.owner_death_recovery_ms", "ms", Math.max(5, runs / 3), () -> SyncBench::ownerDeathRecoveryMs);
    }

    private static Workload warmed(Workload workload) throws Exception {
        return Workload.warmed(workload, WARM_UPS);
    }

    /** {@value #PING_PONGS} exchanges with a child. */
    @FunctionalInterface
    private interface Exchanges {
        void run() throws Exception;
    }

    /**
     * Starts {@code child} (the other side of the exchanges, for as long as the workload is open)
     * and warms up; each sample times {@code exchanges}, in exchanges per second.
     */
    @SuppressWarnings("try") // a Workload's close may wait for children, so it may be interrupted
    private static Workload againstChild(ChildProcess child, Exchanges exchanges) throws Exception {
        child.start();
        return warmed(new Workload() {
            @Override
            public double sample() throws Exception {
                long t0 = System.nanoTime();
                exchanges.run();
                return PING_PONGS / ((System.nanoTime() - t0) / 1e9);
            }

            @Override
            public void close() throws Exception {
                child.kill();
                child.join();
            }
        });
    }

    private static double lockPairsPerSecond(Lock lock) {
        long t0 = System.nanoTime();
        for (int i = 0; i < LOCK_PAIRS; i++) {
            lock.lock();
            lock.unlock();
        }
        return LOCK_PAIRS / ((System.nanoTime() - t0) / 1e9);
    }

    /** The child's side of the ping-pong: answers each ping with a pong until the parent stops it. */
    static void pong(Event ping, Event pong) throws InterruptedException {
        while (true) {
            ping.await();
            ping.clear();
            pong.set();
        }
    }

    /** One child per round answering pings; each sample times {@value #PING_PONGS} round trips. */
    private static Workload eventPingPong() throws Exception {
        Event ping = Context.processes().event();
        Event pong = Context.processes().event();
        return againstChild(new ChildProcess(SyncBench::pong, ping, pong), () -> {
            for (int i = 0; i < PING_PONGS; i++) {
                ping.set();
                pong.await();
                pong.clear();
            }
        });
    }

    /** The child's side of the condition ping-pong: whenever the turn is 1, it hands it back as 0. */
    static void answerTurns(Condition condition, Semaphore turnIsOne) throws InterruptedException {
        try (Held _ = condition.hold()) {
            while (true) {
                condition.waitFor(() -> turnIsOne.availablePermits() == 1);
                turnIsOne.acquire();
                condition.signal();
            }
        }
    }

    /**
     * One child per round; the shared int is a semaphore's count (0 or 1), read and changed only
     * holding the condition's lock, as CPython's script uses a Value. Each sample times
     * {@value #PING_PONGS} round trips.
     */
    private static Workload conditionPingPong() throws Exception {
        Condition condition = Context.processes().condition(Context.processes().lock());
        Semaphore turnIsOne = Context.processes().semaphore(0);
        return againstChild(new ChildProcess(SyncBench::answerTurns, condition, turnIsOne), () -> {
            try (Held _ = condition.hold()) {
                for (int i = 0; i < PING_PONGS; i++) {
                    turnIsOne.release();
                    condition.signal();
                    condition.waitFor(() -> turnIsOne.availablePermits() == 0);
                }
            }
        });
    }

    static void barrierParty(Barrier barrier) throws Exception {
        while (true) {
            barrier.await();
        }
    }

    /** One child per round meeting the parent at a Barrier(2); each sample times {@value #PING_PONGS} rounds. */
    private static Workload barrierRounds() throws Exception {
        Barrier barrier = Context.processes().barrier(2);
        return againstChild(new ChildProcess(SyncBench::barrierParty, barrier), () -> {
            for (int i = 0; i < PING_PONGS; i++) {
                barrier.await();
            }
        });
    }

    /** Takes the lock, says so, and holds it until killed. */
    static void holdUntilKilled(Lock lock, Event held) throws InterruptedException {
        lock.lock();
        held.set();
        Thread.sleep(Long.MAX_VALUE);
    }

    /** A child holds a Lock that this process waits for; the time from its SIGKILL to this process holding the lock. */
    private static double ownerDeathRecoveryMs() throws Exception {
        Lock lock = Context.processes().lock();
        Event held = Context.processes().event();
        ChildProcess holder = new ChildProcess(SyncBench::holdUntilKilled, lock, held);
        holder.start();
        if (!held.await(CHILD_DEADLINE)) {
            throw new IllegalStateException("the holder never took the lock");
        }
        CompletableFuture<Long> acquiredAt = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> {
            lock.lock();
            long at = System.nanoTime();
            boolean toldOwnerDied = lock.ownerDied();
            lock.unlock();
            acquiredAt.complete(toldOwnerDied ? at : -1);
        });
        Thread.sleep(50); // the waiter is asleep in the lock, as the figure's waiter is
        long killedAt = System.nanoTime();
        holder.kill();
        long acquired = acquiredAt.get(CHILD_DEADLINE.toSeconds(), TimeUnit.SECONDS);
        holder.join();
        if (acquired < 0) {
            throw new IllegalStateException("the waiter was not told that the holder died");
        }
        return (acquired - killedAt) / 1e6;
    }
}
