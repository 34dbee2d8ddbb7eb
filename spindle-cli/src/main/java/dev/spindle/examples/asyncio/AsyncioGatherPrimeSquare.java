package dev.spindle.examples.asyncio;

import dev.spindle.asyncio.Asyncio;
import dev.spindle.asyncio.Future;
import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@code gather(prime_filter(2, 100), square_mapper(1, 100))}: each awaits sleep(0.001) per item,
 * so their lines interleave exactly as in CPython (Prime => 2, Square => 1, Prime => 3, …); a
 * done-callback prints the gathered result.
 */
public final class AsyncioGatherPrimeSquare extends Example {
    public AsyncioGatherPrimeSquare() {
        super("asyncio-gather-prime-square", "two coroutines under one gather interleave at each await; a done-callback prints the result");
    }

    static List<Integer> primeFilter(int m, int n) {
        List<Integer> primes = new ArrayList<>();
        for (int i : IntStream.rangeClosed(m, n).toArray()) {
            boolean flag = true;
            for (int j = 2; j < (int) (Math.sqrt(i) + 1); j++) {
                if (i % j == 0) {
                    flag = false;
                    break;
                }
            }
            if (flag) {
                System.out.println("Prime => " + i);
                primes.add(i);
            }
            Asyncio.sleep(seedSleep());
        }
        return primes;
    }

    static List<Integer> squareMapper(int m, int n) {
        List<Integer> squares = new ArrayList<>();
        for (int i : IntStream.rangeClosed(m, n).toArray()) {
            System.out.println("Square => " + i * i);
            squares.add(i * i);
            Asyncio.sleep(seedSleep());
        }
        return squares;
    }

    private static Duration seedSleep() {
        return Duration.ofNanos(Math.round(0.001 * Speed.factor() * 1e9));
    }

    /** Python's repr of the gathered [tuple, list]. */
    static String pythonRepr(List<Object> result) {
        @SuppressWarnings("unchecked")
        List<Integer> primes = (List<Integer>) result.get(0);
        String tuple = primes.stream().map(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
        return "[" + tuple + ", " + result.get(1) + "]";
    }

    @Override
    public void run(String... args) throws Exception {
        Asyncio.run(() -> {
            Future<List<Object>> future = Asyncio.gather(() -> primeFilter(2, 100), () -> squareMapper(1, 100));
            future.addDoneCallback(x -> System.out.println(pythonRepr(x.resultNow())));
            return future.await();
        });
    }
}
