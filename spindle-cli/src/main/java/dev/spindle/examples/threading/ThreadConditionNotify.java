package dev.spindle.examples.threading;

import dev.spindle.Context;
import dev.spindle.examples.Example;
import dev.spindle.sync.Condition;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;

/**
 * Ten threads wait on a Condition; each input line n calls {@code notify(n)}, and 'q' (or the end
 * of input) quits. A notify sent before a thread waits is lost, so the port reads input only once
 * all ten wait: each counts down a latch while it holds the lock, just before {@code wait()}
 * releases it, so once the main thread holds the lock after the latch, all ten are waiting. On
 * quitting, the seed hangs unless every thread was notified; the port's threads are daemons, so
 * it says how many still wait, and ends.
 */
public final class ThreadConditionNotify extends Example {
    private static final int THREADS = 10;

    public ThreadConditionNotify() {
        super("thread-condition-notify", "10 threads wait on a Condition; input n wakes exactly n of them, q quits");
    }

    @Override
    public void run(String... args) throws Exception {
        Condition con = Context.threads().condition();
        CountDownLatch allWaiting = new CountDownLatch(THREADS);
        Semaphore ran = new Semaphore(0);
        for (int i = 0; i < THREADS; i++) {
            int n = i;
            Thread.ofPlatform().daemon().start(Threads.uninterrupted(() -> {
                con.lock().acquire();
                try {
                    allWaiting.countDown();
                    con.await();
                    System.out.println("run the thread: " + n);
                } finally {
                    con.lock().release();
                }
                ran.release();
            }));
        }
        allWaiting.await();
        try (var _ = con.hold()) {
            System.out.println("(all %d threads wait)".formatted(THREADS));
        }
        int notified = 0;
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        while (true) {
            System.out.println(">>>");
            String inp = in.readLine();
            if (inp == null || inp.strip().equals("q")) {
                break;
            }
            int n = Integer.parseInt(inp.strip());
            try (var _ = con.hold()) {
                con.signal(n);
            }
            notified += n;
        }
        int woken = Math.min(notified, THREADS);
        ran.acquire(woken); // the woken threads print before the report
        // What ran is what released a permit: a thread that did may not have ended yet, so
        // counting the live threads would count it among those still waiting.
        int waiting = THREADS - woken - ran.availablePermits();
        System.out.println("quit: %d threads ran, %d still wait%s".formatted(THREADS - waiting, waiting,
                waiting > 0 ? " (the seed hangs here; these are daemon threads, so the port ends)" : ""));
    }
}
