package dev.spindle.threading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.testing.Deadlines;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Python's {@code main_thread()}, {@code enumerate()}, {@code active_count()} and {@code excepthook}. */
class ThreadingTest {
    @Test
    void theMainThreadIsTheFirstOfTheMainGroupAndStaysTheSame() {
        Thread main = Threading.mainThread();
        assertThat(main.getThreadGroup().getName()).isEqualTo("main");
        assertThat(Threading.mainThread()).isSameAs(main);
        assertThat(Threading.enumerate()).first().isSameAs(main);
    }

    @Test
    void enumerateListsTheProgramsLiveThreadsAndNotTheJvms() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread worker = Thread.ofPlatform().name("worker").start(() -> awaitQuietly(release));
        Thread daemon = Thread.ofPlatform().name("a daemon").daemon(true).start(() -> awaitQuietly(release));
        CompletableFuture<Thread> fromVirtual = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> fromVirtual.complete(Thread.ofPlatform().name("from a virtual thread")
                .start(() -> awaitQuietly(release))));
        Thread third = fromVirtual.get(Deadlines.PROMPT.toSeconds(), TimeUnit.SECONDS);
        try {
            List<Thread> threads = Threading.enumerate();
            assertThat(threads).contains(Thread.currentThread(), worker, daemon, third);
            assertThat(threads).extracting(Thread::getName)
                    .doesNotContain("Reference Handler", "Finalizer", "Signal Dispatcher", "Common-Cleaner");
            assertThat(threads).allMatch(Thread::isAlive).noneMatch(Thread::isVirtual);
            assertThat(Threading.activeCount()).isGreaterThanOrEqualTo(4);
        } finally {
            release.countDown();
        }
        worker.join();
        daemon.join();
        third.join();
        assertThat(Threading.enumerate()).doesNotContain(worker, daemon, third);
    }

    @Test
    void excepthookHandlesWhatEndsAThreadAndCanBeRestored() throws Exception {
        CompletableFuture<Throwable> seen = new CompletableFuture<>();
        CompletableFuture<Thread> in = new CompletableFuture<>();
        IllegalStateException failure = new IllegalStateException("boom");
        Thread.UncaughtExceptionHandler previous = Threading.excepthook((thread, e) -> {
            in.complete(thread);
            seen.complete(e);
        });
        try {
            Thread failing = Thread.ofPlatform().start(() -> {
                throw failure;
            });
            assertThat(seen.get(Deadlines.PROMPT.toSeconds(), TimeUnit.SECONDS)).isSameAs(failure);
            assertThat(in.getNow(null)).isSameAs(failing);
        } finally {
            Threading.excepthook(previous);
        }
        assertThat(Threading.excepthook()).isSameAs(previous);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
