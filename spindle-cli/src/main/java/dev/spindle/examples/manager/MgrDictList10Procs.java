package dev.spindle.examples.manager;

import dev.spindle.Context;
import dev.spindle.examples.Example;
import dev.spindle.managers.Manager;
import dev.spindle.multiprocessing.BaseProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Ten processes each append their pid to a managed list and set {@code d["p" + i]} to it. */
public final class MgrDictList10Procs extends Example {
    public MgrDictList10Procs() {
        super("mgr-dict-list-10procs", "10 processes append their pids to a managed list and set d[\"p<i>\"]; all 10 are seen");
    }

    static void func(Map<String, Object> d, List<Object> l, Integer i) {
        long pid = ProcessHandle.current().pid();
        l.add(pid);
        d.put("p" + i, pid);
    }

    @Override
    @SuppressWarnings("serial") // a method reference of this program, meant to travel
    public void run(String... args) throws Exception {
        Context ctx = Context.processes();
        try (Manager manager = ctx.manager()) {
            Map<String, Object> d = manager.dict();
            d.put("name", "egon");
            List<Object> l = manager.list();
            l.add("init");
            List<BaseProcess> processes = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                BaseProcess p = ctx.process(MgrDictList10Procs::func, d, l, i);
                p.start();
                processes.add(p);
            }
            for (BaseProcess p : processes) {
                p.join(); // as the seed says: without it the manager would shut down under the children
            }
            System.out.println(d);
            System.out.println(l);
        }
    }
}
