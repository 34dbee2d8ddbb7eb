package dev.spindle.cli;

import dev.spindle.Context;
import dev.spindle.sync.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The threading suite, the same workloads as CPython's script (threads of one process), each
 * beside the plain {@code java.util.concurrent} way of doing it, run by the same code: 200,000
 * ints from one thread to another through a queue; two threads adding 1 200,000 times each under
 * a lock; a turn handed back and forth 20,000 times through one condition; two events handed back
 * and forth 20,000 times; 1,000 threads started, then joined. Every sample starts its threads
 * (CPython's too), so each workload is warmed up by a few untimed samples.
 */
final class ThreadingBench {
    private static final int QUEUE_ITEMS = 200_000;
    private static final int INCREMENTS = 200_000;
    private static final int PING_PONGS = 20_000;
    private static final int THREADS = 1_000;
    private static final int WARM_UPS = 5;

    private ThreadingBench() {}

    static void run(int runs, ComparedReport report) throws Exception {
        Context threads = Context.threads();
        report.figure("thread.queue_1p1c_items_per_s", "items/s", runs,
                warmed(() -> queueItemsPerSecond(threads.queue())),
                "LinkedBlockingQueue", warmed(() -> queueItemsPerSecond(new LinkedBlockingQueue<>())));
        report.figure("thread.lock_2threads_incr_per_s", "increments/s", runs,
                warmed(() -> lockIncrementsPerSecond(threads.lock())),
                "ReentrantLock", warmed(() -> lockIncrementsPerSecond(new ReentrantLock())));
        report.figure("thread.condition_pingpong_per_s", "round trips/s", runs,
                warmed(() -> conditionRoundTripsPerSecond(threads.condition())),
                "ReentrantLock.newCondition", warmed(() -> {
                    ReentrantLock lock = new ReentrantLock();
                    return conditionRoundTripsPerSecond(lock, lock.newCondition());
                }));
        report.figure("thread.event_pingpong_per_s", "round trips/s", runs,
                warmed(() -> eventRoundTripsPerSecond(threads.event(), threads.event())),
                "ReentrantLock + Condition + flag", warmed(() -> eventRoundTripsPerSecond(new PlainEvent(), new PlainEvent())));
        report.figure("thread.start_join_1000_ms", "ms", runs,
                warmed(() -> startJoinMs(Thread.ofPlatform())),
                "Thread.ofVirtual", warmed(() -> startJoinMs(Thread.ofVirtual())));
    }

    /** A setup whose workload is {@code sample}, after {@value #WARM_UPS} untimed runs. */
    private static Workload.Setup warmed(Workload sample) {
        return () -> Workload.warmed(sample, WARM_UPS);
    }

    private static double perSecond(int count, long startNanos) {
        return count / ((System.nanoTime() - startNanos) / 1e9);
    }

    private static double queueItemsPerSecond(BlockingQueue<Integer> queue) throws InterruptedException {
        long t0 = System.nanoTime();
        Thread producer = Thread.ofPlatform().start(() -> {
            try {
                for (int i = 0; i < QUEUE_ITEMS; i++) {
                    queue.put(i);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (int i = 0; i < QUEUE_ITEMS; i++) {
            queue.take();
        }
        producer.join();
        return perSecond(QUEUE_ITEMS, t0);
    }

    private static double lockIncrementsPerSecond(Lock lock) throws InterruptedException {
        int[] counter = {0};
        Runnable adder = () -> {
            for (int i = 0; i < INCREMENTS; i++) {
                lock.lock();
                try {
                    counter[0]++;
                } finally {
                    lock.unlock();
                }
            }
        };
        long t0 = System.nanoTime();
        Thread first = Thread.ofPlatform().start(adder);
        Thread second = Thread.ofPlatform().start(adder);
        first.join();
        second.join();
        double rate = perSecond(2 * INCREMENTS, t0);
        lock.lock();
        try {
            check(counter[0] == 2 * INCREMENTS, "the lock let increments through at once: " + counter[0]);
        } finally {
            lock.unlock();
        }
        return rate;
    }

    private static double conditionRoundTripsPerSecond(dev.spindle.sync.Condition condition) throws InterruptedException {
        return conditionRoundTripsPerSecond(condition.lock(), condition);
    }

    /** The turn is 1 for the answering thread, 0 for this one; both wait with the condition for theirs. */
    private static double conditionRoundTripsPerSecond(Lock lock, Condition condition) throws InterruptedException {
        int[] turn = {0};
        Thread answerer = Thread.ofPlatform().unstarted(() -> {
            lock.lock();
            try {
                for (int i = 0; i < PING_PONGS; i++) {
                    while (turn[0] != 1) {
                        condition.awaitUninterruptibly();
                    }
                    turn[0] = 0;
                    condition.signal();
                }
            } finally {
                lock.unlock();
            }
        });
        long t0 = System.nanoTime();
        answerer.start();
        lock.lock();
        try {
            for (int i = 0; i < PING_PONGS; i++) {
                turn[0] = 1;
                condition.signal();
                while (turn[0] != 0) {
                    condition.await();
                }
            }
        } finally {
            lock.unlock();
        }
        answerer.join();
        return perSecond(PING_PONGS, t0);
    }

    private static double eventRoundTripsPerSecond(Event ping, Event pong) throws InterruptedException {
        Thread answerer = Thread.ofPlatform().unstarted(() -> {
            try {
                for (int i = 0; i < PING_PONGS; i++) {
                    ping.await();
                    ping.clear();
                    pong.set();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long t0 = System.nanoTime();
        answerer.start();
        for (int i = 0; i < PING_PONGS; i++) {
            ping.set();
            pong.await();
            pong.clear();
        }
        answerer.join();
        return perSecond(PING_PONGS, t0);
    }

    private static double startJoinMs(Thread.Builder builder) throws InterruptedException {
        List<Thread> started = new ArrayList<>(THREADS);
        long t0 = System.nanoTime();
        for (int i = 0; i < THREADS; i++) {
            started.add(builder.start(() -> { }));
        }
        for (Thread thread : started) {
            thread.join();
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private static void check(boolean holds, String otherwise) {
        if (!holds) {
            throw new IllegalStateException(otherwise);
        }
    }

    /** An event as one writes it with {@code java.util.concurrent} alone: a flag, a lock and its condition. */
    private static final class PlainEvent implements Event {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition raised = lock.newCondition();
        private boolean flag;

        @Override
        public boolean isSet() {
            lock.lock();
            try {
                return flag;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void set() {
            lock.lock();
            try {
                flag = true;
                raised.signalAll();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void clear() {
            lock.lock();
            try {
                flag = false;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public boolean await(Duration timeout) throws InterruptedException {
            lock.lock();
            try {
                long nanos = timeout.compareTo(Duration.ofDays(365)) > 0 ? Long.MAX_VALUE : timeout.toNanos();
                while (!flag) {
                    if (nanos <= 0) {
                        return false;
                    }
                    nanos = raised.awaitNanos(nanos);
                }
                return true;
            } finally {
                lock.unlock();
            }
        }
    }
}
