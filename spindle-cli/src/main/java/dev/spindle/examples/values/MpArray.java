package dev.spindle.examples.values;

import dev.spindle.examples.Example;
import dev.spindle.multiprocessing.Array;
import dev.spindle.multiprocessing.ChildProcess;

/** {@code Array('i', [11, 22, 33, 44])}; the child sets element 0 to 666; the parent prints the whole array. */
public final class MpArray extends Example {
    public MpArray() {
        super("mp-array", "a child sets arr[0] = 666 in a shared Array('i'); the parent prints [666, 22, 33, 44]");
    }

    static void f(Array<Integer> dataArray) {
        dataArray.set(0, 666);
    }

    @Override
    public void run(String... args) throws Exception {
        Array<Integer> arr = Array.ofInts(11, 22, 33, 44); // 数组：元素类型必须是int
        ChildProcess p = new ChildProcess(MpArray::f, arr);
        p.start();
        p.join();
        System.out.println(arr.toList());
    }
}
