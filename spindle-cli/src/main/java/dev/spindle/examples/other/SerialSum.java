package dev.spindle.examples.other;

import dev.spindle.examples.Example;

/**
 * Sums 1..10^8 in one loop: the baseline for mp-sum-8-chunks. The seed first builds a list of
 * 10^8 ints (about 3.6 GB in CPython) and then loops over it; the port loops over the range.
 */
public final class SerialSum extends Example {
    private static final int N = 100_000_000;

    public SerialSum() {
        super("serial-sum", "sums 1..10^8 in one loop: 5000000050000000");
    }

    @Override
    public void run(String... args) throws Exception {
        long total = 0;
        long start = System.nanoTime();
        for (int number = 1; number <= N; number++) {
            total += number;
        }
        System.out.println(total);
        System.out.println("Execution time: %.3fs".formatted((System.nanoTime() - start) / 1e9));
    }
}
