package dev.spindle.cli;

import dev.spindle.examples.futures.Primes;
import dev.spindle.insights.Progress;
import dev.spindle.multiprocessing.Pool;
import dev.spindle.multiprocessing.TaskOptions;
import java.util.List;
import java.util.Locale;

/**
 * The tour's last stop: the seed's prime check (futures-prime-check) serially, on 2 threads and on
 * 2 worker processes, with times and a progress bar. Unlike CPython, Java threads run in
 * parallel too; processes add isolation (a crash or a kill fails one task, not the program).
 *
 * <p>Each way is timed on its second pass: the first lets the JIT compile {@code isPrime} where it
 * runs (in this JVM, or in each worker JVM, which also makes sure both workers are up), which
 * CPython, having no JIT, never pays; timing first passes would compare warm-ups, not the work.
 */
final class PrimeTour {
    private static final int WORKERS = 2;

    private PrimeTour() {}

    static void run() throws Exception {
        System.out.println("== prime check: is_prime over the seed's 65 numbers, serial vs "
                + WORKERS + " threads vs " + WORKERS + " processes (each timed after an untimed pass"
                + " that lets the JIT compile is_prime)");
        serialCount();
        long t0 = System.nanoTime();
        long serialPrimes = serialCount();
        double serial = seconds(t0);
        System.out.println(line("serial", serial, serial, serialPrimes));
        try (Pool threads = Pool.threads(WORKERS)) {
            report("threads", threads, serial);
        }
        try (Pool processes = Pool.of(WORKERS)) {
            report("processes", processes, serial);
        }
    }

    private static long serialCount() {
        return Primes.PRIMES.stream().filter(Primes::isPrime).count();
    }

    private static void report(String label, Pool pool, double serial) {
        pool.map(Primes::isPrime, Primes.PRIMES, 1);
        long t0 = System.nanoTime();
        List<Boolean> results;
        try (Progress bar = Progress.of("%-10s".formatted(label), Primes.PRIMES.size())) {
            results = pool.map(Primes::isPrime, Primes.PRIMES, TaskOptions.DEFAULT.chunksize(1).progress(bar));
        }
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
