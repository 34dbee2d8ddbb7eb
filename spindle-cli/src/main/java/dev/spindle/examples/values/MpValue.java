package dev.spindle.examples.values;

import dev.spindle.Spindle;
import dev.spindle.examples.Example;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.multiprocessing.TypeCode;
import dev.spindle.multiprocessing.Value;
import java.nio.charset.StandardCharsets;

/**
 * A child changes three shared values — {@code Value('i', 666)}, {@code Value('c')} and
 * {@code Value('u')} — and the parent sees the changes: 888, b'a' and 武.
 */
public final class MpValue extends Example {
    public MpValue() {
        super("mp-value", "a child changes Value('i'), Value('c') and Value('u'); the parent prints 888, b'a', 武");
    }

    static void func(Value<Integer> n, Value<Byte> m1, Value<Character> m2) {
        n.set(888);
        m1.set("a".getBytes(StandardCharsets.UTF_8)[0]);
        m2.set('武');
    }

    static void funcOf(Value<Integer> n, Value<?>[] chars) {
        @SuppressWarnings("unchecked")
        Value<Byte> m1 = (Value<Byte>) chars[0];
        @SuppressWarnings("unchecked")
        Value<Character> m2 = (Value<Character>) chars[1];
        func(n, m1, m2);
    }

    @Override
    public void run(String... args) throws Exception {
        Value<Integer> num = Spindle.value(TypeCode.INT, 666);
        Value<Byte> v1 = Spindle.value(TypeCode.CHAR, (byte) 0);
        Value<Character> v2 = Spindle.value(TypeCode.WCHAR, '\0');
        ChildProcess p = new ChildProcess(MpValue::funcOf, num, new Value<?>[] {v1, v2});
        p.start();
        p.join();
        System.out.println(num.get()); // 888
        System.out.println("b'" + (char) (byte) v1.get() + "'"); // a
        System.out.println(v2.get()); // 武
    }
}
