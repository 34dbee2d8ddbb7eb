package dev.spindle.examples.threading;

import dev.spindle.Context;
import dev.spindle.examples.Example;
import dev.spindle.sync.Condition;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * Each of ten threads calls {@code wait_for(condition_func)}, whose predicate reads one input line
 * while the lock is held: '1' lets that thread run; any other answer (or the end of input) leaves
 * it waiting for ever, since nobody notifies. The port counts each thread's first answer, and once
 * all ten have answered and the main thread holds the lock (so the refused ones wait), it reports
 * how many ran and how many wait, and ends (they are daemon threads).
 */
public final class ThreadConditionWaitFor extends Example {
    private static final int THREADS = 10;

    public ThreadConditionWaitFor() {
        super("thread-condition-wait-for", "10 threads wait_for a predicate that reads input: each '1' lets one run");
    }

    @Override
    public void run(String... args) throws Exception {
        Condition con = Context.threads().condition();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        CountDownLatch answered = new CountDownLatch(THREADS);
        CountDownLatch ran = new CountDownLatch(THREADS);
        for (int i = 0; i < THREADS; i++) {
            int n = i;
            Thread.ofPlatform().daemon().start(Threads.uninterrupted(() -> {
                con.lock().acquire();
                try {
                    con.waitFor(() -> conditionFunc(in, answered));
                    System.out.println("run the thread: " + n);
                    ran.countDown();
                } finally {
                    con.lock().release();
                }
            }));
        }
        answered.await();
        try (var _ = con.hold()) {
            long running = THREADS - ran.getCount();
            System.out.println("%d threads ran, %d wait for a notify that never comes".formatted(running, THREADS - running));
        }
    }

    /** The seed's condition_func: true if the next input line is '1'. Counts each thread's first answer. */
    private static boolean conditionFunc(BufferedReader in, CountDownLatch answered) {
        try {
            System.out.println(">>>");
            String inp = in.readLine();
            answered.countDown();
            return "1".equals(inp == null ? null : inp.strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
