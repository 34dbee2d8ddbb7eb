package dev.spindle.examples.coroutines;

import dev.spindle.examples.Example;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A list comprehension, then generator expressions: in Java a generator expression is a lazy
 * {@link Stream} (its printed form, like Python's repr, names an object rather than its values).
 */
public final class GenexprBasics extends Example {
    public GenexprBasics() {
        super("genexpr-basics", "a list comprehension vs generator expressions (lazy streams), then next()");
    }

    @Override
    public void run(String... args) {
        List<Integer> seq = IntStream.range(0, 10).map(x -> x * x).boxed().toList();
        System.out.println(seq);

        Stream<Integer> gen = IntStream.range(0, 10).map(x -> x * x).boxed();
        System.out.println(gen);
        gen.forEach(System.out::println);

        int num = 10;
        Iterator<Long> next = IntStream.range(1, num).mapToObj(x -> pow(x, num - x)).iterator();
        System.out.println(next);
        int n = 1;
        while (n < num) {
            System.out.println(next.next());
            n++;
        }
    }

    /** Python's {@code x ** y} on ints. */
    private static long pow(long x, int y) {
        long result = 1;
        for (int i = 0; i < y; i++) {
            result *= x;
        }
        return result;
    }
}
