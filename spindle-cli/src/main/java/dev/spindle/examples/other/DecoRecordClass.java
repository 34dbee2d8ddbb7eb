package dev.spindle.examples.other;

import dev.spindle.examples.Example;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** 通过定义类的方式定义装饰器: a Record(output) object whose call wraps a function; output once per call. */
public final class DecoRecordClass extends Example {
    public DecoRecordClass() {
        super("deco-record-class", "a class-based decorator Record(output): output is called once per call");
    }

    /** The decorator as an object: its state is the output, {@link #call} is {@code __call__}. */
    record Record(Recorded.Output output) {
        <A, R> Recorded<A, R> call(String name, Function<A, R> func) {
            return new Recorded<>(name, func, output);
        }
    }

    @Override
    public void run(String... args) throws Exception {
        List<String> records = new ArrayList<>();
        Recorded<Integer, Long> slowSum = new Record((name, seconds) -> records.add(name)).call("slow_sum", Recorded::slowSum);
        Recorded.callThreeTimes(slowSum, records);
    }
}
