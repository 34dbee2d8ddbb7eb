package dev.spindle.examples.coroutines;

import dev.spindle.examples.Example;
import dev.spindle.generator.Generator;

/** Prints {@code fib(20)} with a for loop over the generator. */
public final class GenFib20 extends Example {
    public GenFib20() {
        super("gen-fib-20", "prints fib(20), a generator in a for loop");
    }

    /** 生成器 - 使用yield关键字 (a generator with yield). */
    static Generator<Long, Void> fib(int num) {
        return Generator.of(y -> {
            int n = 0;
            long a = 0, b = 1;
            while (n < num) {
                y.yield(b);
                long next = a + b;
                a = b;
                b = next;
                n++;
            }
        });
    }

    @Override
    public void run(String... args) {
        for (long x : fib(20)) {
            System.out.println(x);
        }
    }
}
