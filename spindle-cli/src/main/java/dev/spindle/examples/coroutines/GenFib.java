package dev.spindle.examples.coroutines;

import dev.spindle.examples.Example;
import dev.spindle.generator.Generator;
import java.util.List;

/** A {@code fib(num)} generator, collected as Python's {@code list(fib(10))}. */
public final class GenFib extends Example {
    public GenFib() {
        super("gen-fib", "a fib(num) generator, collected into a list");
    }

    /** 生成器 (a generator). */
    static Generator<Long, Void> fib(int num) {
        return Generator.of(y -> {
            long a = 0, b = 1;
            for (int i = 0; i < num; i++) {
                long next = a + b;
                a = b;
                b = next;
                y.yield(a);
            }
        });
    }

    @Override
    public void run(String... args) {
        List<Long> list = fib(10).stream().toList();
        System.out.println(list);
    }
}
