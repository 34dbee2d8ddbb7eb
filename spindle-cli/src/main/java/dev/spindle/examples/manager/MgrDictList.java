package dev.spindle.examples.manager;

import dev.spindle.Context;
import dev.spindle.examples.Example;
import dev.spindle.managers.Manager;
import dev.spindle.multiprocessing.BaseProcess;
import java.util.List;
import java.util.Map;

/** A child changes a managed dict and list; the parent sees the changes (keys of three types, as the seed's). */
public final class MgrDictList extends Example {
    public MgrDictList() {
        super("mgr-dict-list", "a child changes a Manager's dict and list; the parent prints {1=1, 2=2, 0.25=null} and [666]");
    }

    static void f(Map<Object, Object> d, List<Object> l) {
        d.put(1, "1");
        d.put("2", 2);
        d.put(0.25, null);
        l.add(666);
    }

    @Override
    @SuppressWarnings("serial") // a method reference of this program, meant to travel
    public void run(String... args) throws Exception {
        Context ctx = Context.processes();
        try (Manager manager = ctx.manager()) {
            Map<Object, Object> d = manager.dict();
            List<Object> l = manager.list();
            BaseProcess p = ctx.process(MgrDictList::f, d, l);
            p.start();
            p.join();
            System.out.println(d);
            System.out.println(l);
        }
    }
}
