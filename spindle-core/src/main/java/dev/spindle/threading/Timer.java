package dev.spindle.threading;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Python's {@code threading.Timer}: a thread of its own that, once {@link #start() started},
 * waits {@link #interval()} and then runs its function once, unless {@link #cancel()} came
 * first. Java's {@link java.util.Timer} and {@code ScheduledExecutorService} share one thread
 * among many tasks; this is one thread per timer, as in Python, with Python's daemon rule.
 *
 * <pre>{@code
 * Timer timer = new Timer(Duration.ofSeconds(5), () -> System.out.println("hello"));
 * timer.start();
 * timer.cancel();     // before the 5 s: "hello" is never printed
 * }</pre>
 *
 * <p>{@link #cancel()} and the timer's firing are decided by one atomic step: a cancel that
 * returns {@code true} means the function never runs; {@code false} means it has started (or
 * the timer was cancelled already). A function that throws ends the timer's thread with that
 * exception, which goes to the thread's uncaught exception handler (Python's
 * {@code threading.excepthook}, see {@link Threading#excepthook}).
 *
 * <p>Memory consistency: actions before {@code start()} happen-before the function runs; the
 * function's actions happen-before a {@code join} that returns because the timer's thread ended.
 */
public final class Timer {
    private static final AtomicLong NUMBERS = new AtomicLong();
    private static final int WAITING = 0;
    private static final int FIRED = 1;
    private static final int CANCELLED = 2;

    private final Duration interval;
    private final Runnable function;
    private final Thread thread;
    private final AtomicInteger state = new AtomicInteger(WAITING);
    private final CountDownLatch cancelled = new CountDownLatch(1);

    /**
     * A timer that will run {@code function} once, {@code interval} after {@link #start()}
     * (zero or negative: at once). Python's {@code Timer(interval, function, args, kwargs)}: pass
     * arguments by capturing them ({@code () -> greet("Ann")}). It is named {@code Timer-N} and is
     * a daemon if the thread making it is one, until {@link #name} or {@link #daemon} say otherwise.
     */
    public Timer(Duration interval, Runnable function) {
        this.interval = Objects.requireNonNull(interval, "interval");
        this.function = Objects.requireNonNull(function, "function");
        this.thread = Thread.ofPlatform().name("Timer-" + NUMBERS.incrementAndGet()).unstarted(this::run);
    }

    private void run() {
        try {
            if (cancelled.await(Math.max(0, interval.toNanos()), TimeUnit.NANOSECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            cancel(); // an interrupt of the timer's own thread: it never fires
            return;
        } catch (ArithmeticException tooLong) {
            awaitCancelForever();
            return;
        }
        if (state.compareAndSet(WAITING, FIRED)) {
            function.run();
        }
    }

    /** An interval beyond a long of nanoseconds (about 292 years): only a cancel ends the wait. */
    private void awaitCancelForever() {
        try {
            cancelled.await();
        } catch (InterruptedException e) {
            cancel();
        }
    }

    /**
     * Starts the timer's thread, which waits the interval, then runs the function.
     *
     * @throws IllegalThreadStateException if started before (Python's {@code RuntimeError})
     */
    public void start() {
        thread.start();
    }

    /**
     * Stops the timer if it is still waiting (Python's {@code cancel()}); its thread then ends
     * at once. Harmless before {@code start()} (the timer then never runs) and after it fired.
     *
     * @return true if this call stopped the function from running; false if it had started
     *         already or an earlier cancel stopped it
     */
    public boolean cancel() {
        boolean stopped = state.compareAndSet(WAITING, CANCELLED);
        cancelled.countDown();
        return stopped;
    }

    /** Whether {@link #cancel()} stopped the function before it ran. */
    public boolean isCancelled() {
        return state.get() == CANCELLED;
    }

    /** Whether the function has started (it may still be running: {@link #join()} waits for it). */
    public boolean hasFired() {
        return state.get() == FIRED;
    }

    /** Waits until the timer's thread has ended: it fired and the function returned, or it was cancelled. */
    public void join() throws InterruptedException {
        thread.join();
    }

    /**
     * Waits at most {@code timeout} for the timer's thread to end (Python's {@code join(timeout)},
     * which returns nothing: check {@link #isAlive()} after it); returns whether it ended.
     */
    public boolean join(Duration timeout) throws InterruptedException {
        return thread.join(timeout);
    }

    /** Whether the timer's thread has started and not ended (Python's {@code is_alive()}). */
    public boolean isAlive() {
        return thread.isAlive();
    }

    /**
     * Sets whether the timer's thread is a daemon (Python's {@code daemon = …}): a daemon timer
     * does not keep the JVM alive; one that is not keeps it until it fires or is cancelled.
     *
     * @throws IllegalThreadStateException if already started
     */
    public Timer daemon(boolean daemon) {
        thread.setDaemon(daemon);
        return this;
    }

    /** Whether the timer's thread is a daemon. */
    public boolean isDaemon() {
        return thread.isDaemon();
    }

    /** Names the timer's thread (Python's {@code name = …}). */
    public Timer name(String name) {
        thread.setName(Objects.requireNonNull(name, "name"));
        return this;
    }

    /** The name of the timer's thread. */
    public String name() {
        return thread.getName();
    }

    /** How long after {@code start()} the function runs. */
    public Duration interval() {
        return interval;
    }

    /** The timer's thread (for what {@link Thread} offers beyond this class: its id, its state, a handler). */
    public Thread thread() {
        return thread;
    }

    @Override
    public String toString() {
        String stateName = switch (state.get()) {
            case FIRED -> "fired";
            case CANCELLED -> "cancelled";
            default -> thread.isAlive() ? "waiting" : "not started";
        };
        return "Timer[" + thread.getName() + ", " + interval + ", " + stateName + "]";
    }
}
