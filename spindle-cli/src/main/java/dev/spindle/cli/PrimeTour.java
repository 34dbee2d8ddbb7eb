package dev.spindle.cli;

import dev.spindle.examples.futures.Primes;
import dev.spindle.multiprocessing.Pool;
import dev.spindle.multiprocessing.TaskOptions;
import java.util.List;
import java.util.Locale;

/**
 * The tour's last stop: the seed's prime check (futures-prime-check) serially, on 2 threads and on
 * 2 worker processes, with times and a progress bar. Unlike CPython, Java threads run in
 * parallel too; processes add isolation (a crash or a kill fails one task, not the program).
 */
final class PrimeTour {
    private static final int WORKERS = 2;

    private PrimeTour() {}

    static void run() throws Exception {
        System.out.println("== prime check: is_prime over the seed's 65 numbers, serial vs "
                + WORKERS + " threads vs " + WORKERS + " processes");
        long t0 = System.nanoTime();
        long serialPrimes = Primes.PRIMES.stream().filter(Primes::isPrime).count();
        double serial = seconds(t0);
        System.out.println(line("serial", serial, serial, serialPrimes));
        try (Pool threads = Pool.threads(WORKERS)) {
            report("threads", threads, serial);
        }
        try (Pool processes = Pool.of(WORKERS)) {
            processes.apply(Primes::isPrime, 3L); // the worker JVMs are up: time the work, not their start
            report("processes", processes, serial);
        }
    }

    private static void report(String label, Pool pool, double serial) {
        long t0 = System.nanoTime();
        List<Boolean> results = pool.map(Primes::isPrime, Primes.PRIMES,
                TaskOptions.DEFAULT.chunksize(1).progress(new ProgressBar(System.out, "%-10s".formatted(label))));
        double elapsed = seconds(t0);
        System.out.println(line(label, elapsed, serial, results.stream().filter(b -> b).count()));
    }

    private static String line(String label, double seconds, double serial, long primes) {
        return String.format(Locale.ROOT, "%-10s %6.3f s  %4.2fx serial  (%d of %d prime)",
                label, seconds, serial / seconds, primes, Primes.PRIMES.size());
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
