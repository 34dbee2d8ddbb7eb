package dev.spindle.examples.other;

import dev.spindle.examples.Example;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * Two lists that hold each other. CPython's reference counts never reach 0 for such a cycle, so
 * only its cycle collector frees them; the JVM's collector traces from the roots, so an
 * unreachable cycle is garbage like anything else. The port drops both lists, asks for a
 * collection (a hint, repeated a bounded number of times), and watches a weak reference die.
 */
public final class GcCycle extends Example {
    public GcCycle() {
        super("gc-cycle", "two lists that reference each other: the JVM's tracing GC collects the cycle");
    }

    @Override
    public void run(String... args) throws Exception {
        List<Object> list1 = new ArrayList<>();
        List<Object> list2 = new ArrayList<>();
        list1.add(list2);
        list2.add(list1);
        WeakReference<List<Object>> member = new WeakReference<>(list1);
        System.out.println("cycle built; weakref alive: " + (member.get() != null));
        list1 = null; // del list1, list2
        list2 = null;
        int collections = 0;
        while (member.get() != null && collections < 50) {
            System.gc();
            collections++;
        }
        System.out.println("after %d System.gc() call(s): weakref alive: %s".formatted(collections, member.get() != null));
    }
}
