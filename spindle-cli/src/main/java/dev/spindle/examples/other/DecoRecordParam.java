package dev.spindle.examples.other;

import dev.spindle.examples.Example;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** 可以参数化的装饰器: record(output) hands name and time to output, once per call. */
public final class DecoRecordParam extends Example {
    public DecoRecordParam() {
        super("deco-record-param", "a parameterised decorator record(output): output is called once per call");
    }

    /** record(output) returns the decorator; the decorator wraps a function. */
    static Function<Function<Integer, Long>, Recorded<Integer, Long>> record(String name, Recorded.Output output) {
        return func -> new Recorded<>(name, func, output);
    }

    @Override
    public void run(String... args) throws Exception {
        List<String> records = new ArrayList<>();
        Recorded<Integer, Long> slowSum = record("slow_sum", (name, seconds) -> records.add(name))
                .apply(Recorded::slowSum);
        Recorded.callThreeTimes(slowSum, records);
    }
}
