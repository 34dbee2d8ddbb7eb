package dev.spindle.examples.coroutines;

import dev.spindle.examples.Example;
import dev.spindle.greenlet.Greenlet;

/** eat and play_phone switch to each other, each getting its name from the first switch into it. */
public final class GreenletSwitchArgs extends Example {
    private Greenlet gr1;
    private Greenlet gr2;

    public GreenletSwitchArgs() {
        super("greenlet-switch-args", "eat / play_phone greenlets, arguments passed on the first switch");
    }

    private Object eat(Object... args) {
        String name = (String) args[0];
        System.out.printf("%s eat food 1%n", name);
        gr2.switchTo("alex飞飞飞");
        System.out.printf("%s eat food 2%n", name);
        gr2.switchTo();
        return null;
    }

    private Object playPhone(Object... args) {
        String name = (String) args[0];
        System.out.printf("%s play 1%n", name);
        gr1.switchTo();
        System.out.printf("%s play 2%n", name);
        return null;
    }

    @Override
    public void run(String... args) {
        gr1 = new Greenlet(this::eat);
        gr2 = new Greenlet(this::playPhone);
        gr1.switchTo("egon啦啦啦"); // 可以在第一次switch时传入参数，以后都不需要
    }
}
