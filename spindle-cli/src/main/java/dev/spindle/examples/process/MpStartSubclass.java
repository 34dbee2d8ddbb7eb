package dev.spindle.examples.process;

import dev.spindle.examples.Example;

/** Four processes from a subclass with a name; the main line prints at once. */
public final class MpStartSubclass extends Example {
    public MpStartSubclass() {
        super("mp-start-subclass", "four Piao subclass processes, named; main goes on at once");
    }

    @Override
    public void run(String... args) {
        for (String name : new String[] {"egon", "alex", "wupeiqi", "yuanhao"}) {
            new Piao(name, "piaoing", 1, 5).start();
        }
        System.out.println("主线程");
    }
}
