package dev.spindle.examples.pool;

import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.multiprocessing.Pool;
import java.util.ArrayList;
import java.util.List;

/** apply blocks: the ten tasks run one after another, and the marker comes after all of them. */
public final class PoolApplySync extends Example {
    public PoolApplySync() {
        super("pool-apply-sync", "apply on Pool(3) waits for each task: strictly in order, one at a time");
    }

    static String func(String msg) throws InterruptedException {
        System.out.println("msg: " + msg);
        Speed.sleep(0.1);
        return msg;
    }

    @Override
    public void run(String... args) throws Exception {
        Pool pool = Pool.of(3);
        List<String> resL = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            resL.add(pool.apply(PoolApplySync::func, "hello " + i));
        }
        System.out.println("==============================>");
        pool.shutdown();
        pool.join();
        System.out.println(resL);
        for (String r : resL) {
            System.out.println(r);
        }
    }
}
