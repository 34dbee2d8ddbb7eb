package dev.spindle.examples.coroutines;

import dev.spindle.examples.Example;
import dev.spindle.greenlet.Greenlet;

/**
 * Two loops of N run one after the other, then as two greenlets switching every iteration. Bench
 * only: both times. Switching with no I/O only costs time (each switch here is a hand-off between
 * two virtual threads).
 */
public final class GreenletSwitchOverhead extends Example {
    private static final int DEFAULT_N = 100_000;
    private Greenlet gr1;
    private Greenlet gr2;
    private long res1;
    private long res2;

    public GreenletSwitchOverhead() {
        super("greenlet-switch-overhead", "two loops run in turn, then as greenlets switching every iteration; both times");
    }

    @Override
    public void run(String... args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_N;
        long t0 = System.nanoTime();
        res1 = 0;
        for (int i = 0; i < n; i++) {
            res1 += i;
        }
        res2 = 0;
        for (int i = 0; i < n; i++) {
            res2 *= i;
        }
        System.out.printf("run time is: %s (one after the other, %d iterations each, res %d %d)%n", (System.nanoTime() - t0) / 1e9, n, res1, res2);

        res1 = 0;
        res2 = 0;
        gr1 = new Greenlet(a -> {
            for (int i = 0; i < n; i++) {
                res1 += i;
                gr2.switchTo();
            }
            return null;
        });
        gr2 = new Greenlet(a -> {
            for (int i = 0; i < n; i++) {
                res2 *= i;
                gr1.switchTo();
            }
            return null;
        });
        t0 = System.nanoTime();
        gr1.switchTo();
        System.out.printf("run time is: %s (switching every iteration, %d iterations each, res %d %d)%n", (System.nanoTime() - t0) / 1e9, n, res1, res2);
        gr2.throwIn(); // f2 waits at its last switch: end it, as greenlet does when it is collected
    }
}
