package dev.spindle.examples.coroutines;

import dev.spindle.examples.Example;
import dev.spindle.generator.Generator;
import java.util.function.LongConsumer;

/**
 * A producer feeds N items to a plain function, then to a primed generator through {@code send()}.
 * Bench only: it prints both times. In CPython the generator wins (no new frame per item); here a
 * call is inlined by the JIT and costs nothing, while each {@code send} is a hand-off between two
 * threads, so the call wins by far: resuming a suspended body is what costs on the JVM.
 */
public final class GenSendVsCall extends Example {
    private static final int DEFAULT_ITEMS = 200_000;

    public GenSendVsCall() {
        super("gen-send-vs-call", "the same items fed to a plain function call, then to a generator with send(); both times");
    }

    /** The seed's @init decorator: makes the generator and primes it with next(). */
    static <Y, S> Generator<Y, S> init(Generator<Y, S> gen) {
        gen.next();
        return gen;
    }

    /** The consumer as a generator: takes each item at yield. */
    static Generator<Void, Long> consumer(long[] sum) {
        return Generator.of(y -> {
            while (true) {
                long item = y.yield(null);
                sum[0] += item;
            }
        });
    }

    static void producer(LongConsumer target, long n) {
        for (long item = 0; item < n; item++) {
            target.accept(item);
        }
    }

    @Override
    public void run(String... args) {
        long n = args.length > 0 ? Long.parseLong(args[0]) : DEFAULT_ITEMS;
        long[] called = {0};
        long t0 = System.nanoTime();
        producer(item -> called[0] += item, n);
        System.out.printf("run time is:%s (a plain call per item, %d items, sum %d)%n", (System.nanoTime() - t0) / 1e9, n, called[0]);

        long[] sent = {0};
        Generator<Void, Long> consumer = init(consumer(sent));
        t0 = System.nanoTime();
        producer(consumer::send, n);
        double sendTime = (System.nanoTime() - t0) / 1e9;
        consumer.close();
        System.out.printf("run time is:%s (send() per item, %d items, sum %d)%n", sendTime, n, sent[0]);
    }
}
