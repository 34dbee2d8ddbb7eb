package dev.spindle.examples.pool;

import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.multiprocessing.AsyncResult;
import dev.spindle.multiprocessing.Pool;
import java.util.ArrayList;
import java.util.List;

/** Ten apply_async calls on Pool(3): submitting does not block, at most three run at once. */
public final class PoolApplyAsync10 extends Example {
    public PoolApplyAsync10() {
        super("pool-apply-async-10", "10 applyAsync on Pool(3): the marker prints at once, 3 workers share the tasks");
    }

    static String func(String msg) throws InterruptedException {
        System.out.println("msg: " + msg + " (pid " + ProcessHandle.current().pid() + ")");
        Speed.sleep(1);
        return msg;
    }

    @Override
    public void run(String... args) throws Exception {
        Pool pool = Pool.of(3);
        List<AsyncResult<String>> resL = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            resL.add(pool.applyAsync(PoolApplyAsync10::func, "hello " + i));
        }
        System.out.println("==============================>");
        pool.shutdown();
        pool.join();
        System.out.println(resL);
        for (AsyncResult<String> r : resL) {
            System.out.println(r.get());
        }
    }
}
