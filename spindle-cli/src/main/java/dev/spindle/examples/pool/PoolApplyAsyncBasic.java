package dev.spindle.examples.pool;

import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.multiprocessing.AsyncResult;
import dev.spindle.multiprocessing.Pool;

/** apply_async submits without waiting; close and join wait; get collects the result. */
public final class PoolApplyAsyncBasic extends Example {
    public PoolApplyAsyncBasic() {
        super("pool-apply-async-basic", "applyAsync returns at once; get() gives the worker's result after join");
    }

    static int work(int n) throws InterruptedException {
        System.out.println("开工啦...");
        Speed.sleep(3);
        return n * n;
    }

    @Override
    public void run(String... args) throws Exception {
        Pool q = Pool.of();
        AsyncResult<Integer> res = q.applyAsync(PoolApplyAsyncBasic::work, 2);
        q.shutdown(); // Python's close()
        q.join();
        System.out.println(res.get());
    }
}
