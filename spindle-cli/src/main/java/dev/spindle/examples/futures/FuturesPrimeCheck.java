package dev.spindle.examples.futures;

import dev.spindle.examples.Example;
import dev.spindle.futures.ProcessPoolExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.Locale;

/**
 * The seed's prime check: ProcessPoolExecutor.map, then the same serially. Each run's time is
 * appended to time.txt (the seed's {@code @timeclock}); the file is the argument, default
 * ./time.txt.
 */
public final class FuturesPrimeCheck extends Example {
    public FuturesPrimeCheck() {
        super("futures-prime-check", "is_prime over 65 numbers: ProcessPoolExecutor.map in order, then serially");
    }

    interface Body {
        void run() throws Exception;
    }

    /** The seed's {@code @timeclock}: times {@code body} and appends "NAME use time:SECONDS". */
    static void timeclock(Path file, String name, Body body) throws Exception {
        long start = System.nanoTime();
        body.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        appendLine(file, String.format(Locale.ROOT, "%s use time:%s", name, seconds));
    }

    private static void appendLine(Path file, String line) throws IOException {
        Files.writeString(file, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static String python(boolean b) {
        return b ? "True" : "False";
    }

    static void main(Path ignored) throws Exception {
        try (ProcessPoolExecutor executor = new ProcessPoolExecutor()) {
            Iterator<Boolean> results = executor.map(Primes::isPrime, Primes.PRIMES).iterator();
            for (long number : Primes.PRIMES) {
                System.out.println("%d is prime: %s".formatted(number, python(results.next())));
            }
        }
    }

    static void main1() {
        for (long number : Primes.PRIMES) {
            System.out.println(python(Primes.isPrime(number)));
        }
    }

    @Override
    public void run(String... args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "time.txt");
        timeclock(file, "main", () -> main(file));
        timeclock(file, "main1", FuturesPrimeCheck::main1);
    }
}
