package dev.spindle.examples.coroutines;

import dev.spindle.examples.Example;
import dev.spindle.generator.Generator;

/** A generator used as a coroutine: a running average fed with {@code send()} after priming with {@code next()}. */
public final class GenCalcAvg extends Example {
    public GenCalcAvg() {
        super("gen-calc-avg", "a generator as a coroutine: a running average fed with send()");
    }

    /** 流式计算平均值 (a streaming average). */
    static Generator<Double, Double> calcAvg() {
        return Generator.of(y -> {
            double total = 0;
            int counter = 0;
            Double avgValue = null;
            while (true) {
                double value = y.yield(avgValue);
                total += value;
                counter++;
                avgValue = total / counter;
            }
        });
    }

    @Override
    public void run(String... args) {
        Generator<Double, Double> gen = calcAvg();
        gen.next(); // 启动协程,启动了才能发送值开始运算
        System.out.println(gen.send(10.0));
        System.out.println(gen.send(20.0));
        System.out.println(gen.send(30.0));
    }
}
