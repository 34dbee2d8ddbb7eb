package dev.spindle.examples.coroutines;

import dev.spindle.examples.Example;
import dev.spindle.greenlet.Greenlet;

/**
 * Two greenlets switch to each other by hand. test1 never finishes: when test2 ends, control goes
 * to its parent, the main greenlet, and the program ends with test1 still suspended.
 */
public final class GreenletSwitch extends Example {
    private Greenlet gr1;
    private Greenlet gr2;

    public GreenletSwitch() {
        super("greenlet-switch", "two greenlets switch to each other explicitly (greenlet's switch is switchTo)");
    }

    private Object test1(Object... args) {
        System.out.println("test1,first");
        gr2.switchTo();
        System.out.println("test1,sencod");
        gr2.switchTo();
        return null;
    }

    private Object test2(Object... args) {
        System.out.println("test2,first");
        gr1.switchTo();
        System.out.println("test2,sencod");
        return null;
    }

    @Override
    public void run(String... args) {
        gr1 = new Greenlet(this::test1);
        gr2 = new Greenlet(this::test2);
        gr1.switchTo();
    }
}
