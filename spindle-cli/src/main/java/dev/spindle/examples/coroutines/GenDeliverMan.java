package dev.spindle.examples.coroutines;

import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.generator.Generator;
import java.util.concurrent.ThreadLocalRandom;

/** A package centre {@code send()}s ten packages to a courier generator, then {@code close()}s it. */
public final class GenDeliverMan extends Example {
    public GenDeliverMan() {
        super("gen-deliver-man", "a package centre send()s 10 packages to a courier generator, then close()s it",
                "courier 1 gets ready for order k, receives package PKG-k, ...; then: today's packages are all delivered");
    }

    /** The courier: announces each order, waits at yield for a package, delivers it (sleeps {@code delivery} seconds). */
    static Generator<Void, String> buildDeliverMan(int manId, java.util.function.DoubleSupplier delivery) {
        return Generator.of(y -> {
            int total = 0;
            while (true) {
                total++;
                System.out.printf("%d号快递员准备接今天的第%d单.%n", manId, total);
                String pkg = y.yield(null);
                System.out.printf("%d号快递员收到编号为%s的包裹.%n", manId, pkg);
                Speed.sleep(delivery.getAsDouble());
            }
        });
    }

    static void packageCenter(Generator<Void, String> deliverMan, int maxPerDay) throws InterruptedException {
        int num = 1;
        deliverMan.send(null);
        while (num <= maxPerDay) {
            String packageId = "PKG-" + num;
            deliverMan.send(packageId);
            num++;
            Speed.sleep(0.1);
        }
        deliverMan.close();
        System.out.println("今天的包裹派送完毕!");
    }

    @Override
    public void run(String... args) throws Exception {
        Generator<Void, String> dm = buildDeliverMan(1, () -> ThreadLocalRandom.current().nextDouble() * 3);
        packageCenter(dm, 10);
    }
}
