package dev.spindle.examples.futures;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The seed's prime check: trial division over its 13 numbers, repeated 5 times. */
public final class Primes {
    private static final List<Long> THIRTEEN = List.of(
            1116281L, 1297337L, 104395303L, 472882027L, 533000389L, 817504243L, 982451653L,
            112272535095293L, 112582705942171L, 112272535095293L, 115280095190773L, 115797848077099L,
            1099726899285419L);

    /** The seed's PRIMES × 5: 65 numbers, 60 of them prime. */
    public static final List<Long> PRIMES = Collections.unmodifiableList(times5());

    private Primes() {}

    private static List<Long> times5() {
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            all.addAll(THIRTEEN);
        }
        return all;
    }

    /** The seed's {@code is_prime}: even numbers are not prime, else try every odd divisor up to √n. */
    public static boolean isPrime(long n) {
        if (n % 2 == 0) {
            return false;
        }
        long sqrt = (long) Math.floor(Math.sqrt((double) n));
        for (long i = 3; i <= sqrt; i += 2) {
            if (n % i == 0) {
                return false;
            }
        }
        return true;
    }
}
