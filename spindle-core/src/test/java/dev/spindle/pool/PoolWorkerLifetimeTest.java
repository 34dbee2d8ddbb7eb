package dev.spindle.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.multiprocessing.AsyncResult;
import dev.spindle.multiprocessing.Pool;
import dev.spindle.testing.NoLeaks;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Worker processes with a limited lifetime, answering CPython's {@code _TestPoolWorkerLifetime}. */
@ExtendWith(NoLeaks.class)
class PoolWorkerLifetimeTest {
    /** CPython's {@code test_pool_maxtasksperchild_invalid}: a lifetime below one task is refused. */
    @Test
    void aLifetimeBelowOneTaskIsRefused() {
        assertThatThrownBy(() -> Pool.builder().maxTasksPerChild(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> Pool.builder().maxTasksPerChild(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * CPython's {@code test_pool_worker_lifetime_early_close}: closing a pool whose workers run one
     * task each, before its tasks have run, still runs every task, and the close returns.
     */
    @Test
    void closingEarlyAPoolOfOneTaskWorkersRunsEveryTask() throws Exception {
        List<AsyncResult<Integer>> results = new ArrayList<>();
        try (Pool pool = Pool.builder().processes(2).maxTasksPerChild(1).build()) {
            for (int i = 0; i < 4; i++) {
                results.add(pool.applyAsync(PoolContractTest::square, i));
            }
        }
        for (int i = 0; i < results.size(); i++) {
            assertThat(results.get(i).get()).isEqualTo(i * i);
        }
    }
}
