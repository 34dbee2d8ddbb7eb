package dev.spindle.examples.pool;

import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.multiprocessing.AsyncResult;
import dev.spindle.multiprocessing.Pool;
import java.util.ArrayList;
import java.util.List;

/** No callback needed: wait for the pool, then collect every result in the parent. */
public final class PoolCollectResults extends Example {
    public PoolCollectResults() {
        super("pool-collect-results", "collect applyAsync results with get() after join: [0, 1, 4, …, 81]");
    }

    static int work(int n) throws InterruptedException {
        Speed.sleep(1);
        return n * n;
    }

    @Override
    public void run(String... args) throws Exception {
        Pool p = Pool.of();
        List<AsyncResult<Integer>> resL = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            resL.add(p.applyAsync(PoolCollectResults::work, i));
        }
        p.shutdown();
        p.join();
        List<Integer> nums = new ArrayList<>();
        for (AsyncResult<Integer> res : resL) {
            nums.add(res.get());
        }
        System.out.println(nums);
    }
}
