package dev.spindle.examples.other;

import dev.spindle.examples.Example;
import java.util.function.Function;

/** 输出函数执行时间的装饰器: the result is unchanged, the name and time are printed, wrapped() is the original. */
public final class DecoRecordTime extends Example {
    public DecoRecordTime() {
        super("deco-record-time", "a timing decorator prints 'name: seconds秒' and returns the same result",
                "秒: seconds");
    }

    /** 自定义装饰函数的装饰器. */
    static <A, R> Recorded<A, R> recordTime(String name, Function<A, R> func) {
        return new Recorded<>(name, func, (n, seconds) -> System.out.println("%s: %s秒".formatted(n, seconds)));
    }

    @Override
    public void run(String... args) throws Exception {
        Recorded<Integer, Long> slowSum = recordTime("slow_sum", Recorded::slowSum);
        System.out.println("slow_sum(1000000) = " + slowSum.apply(1_000_000));
        System.out.println("slow_sum.__name__ = " + slowSum.name());
        System.out.println("slow_sum.__wrapped__(1000000) = " + slowSum.wrapped().apply(1_000_000) + " (not timed)");
    }
}
