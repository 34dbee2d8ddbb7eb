package dev.spindle.examples.other;

import java.util.function.Function;

/**
 * The seeds' timing decorator as a Java value: a function that calls the wrapped one, hands the
 * name and the elapsed seconds to {@code output}, and returns the same result. Java functions
 * have no {@code __name__}, so the name is given; {@link #wrapped()} is {@code __wrapped__}.
 *
 * @param name    the decorated function's name ({@code @wraps} keeps it)
 * @param wrapped the undecorated function
 * @param output  what receives the name and the seconds
 */
record Recorded<A, R>(String name, Function<A, R> wrapped, Output output) implements Function<A, R> {
    /** Where a record goes: the parameter of {@code record(output)} and {@code Record(output)}. */
    @FunctionalInterface
    interface Output {
        void accept(String name, double seconds);
    }

    @Override
    public R apply(A argument) {
        long start = System.nanoTime();
        R result = wrapped.apply(argument);
        output.accept(name, (System.nanoTime() - start) / 1e9);
        return result;
    }

    /** A function slow enough to time: the sum 1..n. */
    static long slowSum(int n) {
        long total = 0;
        for (int i = 1; i <= n; i++) {
            total += i;
        }
        return total;
    }

    /** Calls {@code slowSum} three times and shows what its output collected in {@code records}. */
    static void callThreeTimes(Recorded<Integer, Long> slowSum, java.util.List<String> records) {
        for (int n : new int[] {10, 1000, 100000}) {
            System.out.println("slow_sum(%d) = %d".formatted(n, slowSum.apply(n)));
        }
        System.out.println("output was called %d times: %s".formatted(records.size(), records));
    }
}
