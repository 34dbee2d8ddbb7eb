package dev.spindle.threading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.testing.Deadlines;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Python's {@code threading.Timer}: once, after its interval, in its own thread, unless cancelled first. */
class TimerTest {
    /** An interval no test waits out: a timer of it fires only if something is wrong. */
    private static final Duration NEVER_IN_A_TEST = Duration.ofHours(1);

    @Test
    void runsItsFunctionOnceInItsOwnThreadAfterTheInterval() throws Exception {
        CompletableFuture<Thread> ranIn = new CompletableFuture<>();
        AtomicInteger runs = new AtomicInteger();
        Timer timer = new Timer(Duration.ofMillis(10), () -> {
            runs.incrementAndGet();
            ranIn.complete(Thread.currentThread());
        });
        assertThat(timer.isAlive()).isFalse();
        long start = System.nanoTime();
        timer.start();
        assertThat(timer.join(Deadlines.PROMPT)).isTrue();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(10).toNanos());
        assertThat(runs).hasValue(1);
        assertThat(ranIn.getNow(null)).isSameAs(timer.thread()).isNotSameAs(Thread.currentThread());
        assertThat(timer.hasFired()).isTrue();
        assertThat(timer.isAlive()).isFalse();
        assertThat(timer.cancel()).as("too late to cancel").isFalse();
        assertThat(timer.toString()).contains("fired");
    }

    @Test
    void aCancelBeforeItFiresMeansTheFunctionNeverRuns() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Timer timer = new Timer(NEVER_IN_A_TEST, runs::incrementAndGet);
        timer.start();
        assertThat(timer.cancel()).isTrue();
        assertThat(timer.join(Deadlines.PROMPT)).as("a cancelled timer's thread ends at once").isTrue();
        assertThat(runs).hasValue(0);
        assertThat(timer.isCancelled()).isTrue();
        assertThat(timer.hasFired()).isFalse();
        assertThat(timer.cancel()).as("cancelled already").isFalse();
    }

    @Test
    void aTimerCancelledBeforeItStartsNeverRunsEvenWithNoInterval() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Timer timer = new Timer(Duration.ZERO, runs::incrementAndGet);
        assertThat(timer.cancel()).isTrue();
        timer.start();
        assertThat(timer.join(Deadlines.PROMPT)).isTrue();
        assertThat(runs).hasValue(0);
    }

    @Test
    void aCancelWhileTheFunctionRunsStopsNothing() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        Timer timer = new Timer(Duration.ZERO, () -> {
            running.countDown();
            try {
                finish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished.incrementAndGet();
        });
        timer.start();
        assertThat(running.await(Deadlines.PROMPT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(timer.cancel()).isFalse();
        finish.countDown();
        assertThat(timer.join(Deadlines.PROMPT)).isTrue();
        assertThat(finished).hasValue(1);
    }

    @Test
    void joinWithATimeoutReturnsWhileTheTimerStillWaits() throws Exception {
        Timer timer = new Timer(NEVER_IN_A_TEST, () -> { });
        timer.start();
        assertThat(timer.join(Duration.ofMillis(20))).isFalse();
        assertThat(timer.isAlive()).isTrue();
        timer.cancel();
        timer.join();
        assertThat(timer.isAlive()).isFalse();
    }

    @Test
    void theDaemonFlagAndNameAreSetBeforeStart() throws Exception {
        Timer timer = new Timer(NEVER_IN_A_TEST, () -> { }).daemon(true).name("reminder");
        assertThat(timer.isDaemon()).isTrue();
        assertThat(timer.name()).isEqualTo("reminder");
        assertThat(timer.thread().getName()).isEqualTo("reminder");
        assertThat(timer.interval()).isEqualTo(NEVER_IN_A_TEST);
        timer.start();
        assertThatThrownBy(() -> timer.daemon(false)).isInstanceOf(IllegalThreadStateException.class);
        assertThatThrownBy(timer::start).as("a timer starts once, as a thread").isInstanceOf(IllegalThreadStateException.class);
        timer.cancel();
        timer.join();
    }

    @Test
    void aTimerIsADaemonWhenTheThreadMakingItIs() throws Exception {
        CompletableFuture<Timer> made = new CompletableFuture<>();
        Thread.ofPlatform().daemon(true).start(() -> made.complete(new Timer(NEVER_IN_A_TEST, () -> { })));
        assertThat(made.get(Deadlines.PROMPT.toSeconds(), TimeUnit.SECONDS).isDaemon()).isTrue();
        assertThat(new Timer(NEVER_IN_A_TEST, () -> { }).isDaemon()).isEqualTo(Thread.currentThread().isDaemon());
    }

    @Test
    void aFunctionThatThrowsEndsTheTimerThroughItsThreadsHandler() throws Exception {
        IllegalStateException failure = new IllegalStateException("boom");
        CompletableFuture<Throwable> handled = new CompletableFuture<>();
        Timer timer = new Timer(Duration.ZERO, () -> {
            throw failure;
        });
        timer.thread().setUncaughtExceptionHandler((thread, e) -> handled.complete(e));
        timer.start();
        assertThat(handled.get(Deadlines.PROMPT.toSeconds(), TimeUnit.SECONDS)).isSameAs(failure);
        timer.join();
    }

    @Test
    void anInterruptOfTheTimersThreadCancelsIt() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Timer timer = new Timer(NEVER_IN_A_TEST, runs::incrementAndGet);
        timer.start();
        timer.thread().interrupt();
        assertThat(timer.join(Deadlines.PROMPT)).isTrue();
        assertThat(timer.isCancelled()).isTrue();
        assertThat(runs).hasValue(0);
    }

    @Test
    void nullsAreRefused() {
        assertThatThrownBy(() -> new Timer(null, () -> { })).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Timer(Duration.ZERO, null)).isInstanceOf(NullPointerException.class);
    }
}
