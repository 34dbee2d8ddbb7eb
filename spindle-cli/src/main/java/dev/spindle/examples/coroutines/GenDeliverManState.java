package dev.spindle.examples.coroutines;

import dev.spindle.examples.Example;
import dev.spindle.generator.Generator;

/** The courier again, printing the generator's state (Python's {@code inspect.getgeneratorstate}) along the way. */
public final class GenDeliverManState extends Example {
    public GenDeliverManState() {
        super("gen-deliver-man-state", "the courier generator, printing GEN_CREATED, GEN_SUSPENDED and GEN_CLOSED",
                "courier 1 gets ready for order k, receives package PKG-k, ...; then: packages all delivered");
    }

    static void packageCenter(Generator<Void, String> deliverMan, int maxPerDay) {
        int num = 1;
        System.out.println(deliverMan.state()); // 创建状态(GEN_CREATED) - 等待开始执行
        deliverMan.send(null);
        System.out.println(deliverMan.state()); // 挂起状态(GEN_SUSPENDED) - 在yield表达式处暂停
        while (num <= maxPerDay) {
            deliverMan.send("PKG-" + num);
            num++;
        }
        deliverMan.close();
        System.out.println(deliverMan.state()); // 结束状态(GEN_CLOSED) - 执行完毕
        System.out.println("包裹派送完毕!");
    }

    @Override
    public void run(String... args) {
        packageCenter(GenDeliverMan.buildDeliverMan(1, () -> 0.5), 10);
    }
}
