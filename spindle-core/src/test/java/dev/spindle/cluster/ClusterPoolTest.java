package dev.spindle.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.Context;
import dev.spindle.multiprocessing.Pool;
import dev.spindle.testing.ClusterFixture;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ClusterPoolTest {
    static int square(int x) {
        return x * x;
    }

    @Test
    void mapRunsOnTheWorkerHost() throws Exception {
        Context cluster = ClusterFixture.context();
        try (Pool pool = cluster.pool(2)) {
            assertThat(pool.map(ClusterPoolTest::square, IntStream.range(0, 100).boxed().toList()))
                    .isEqualTo(IntStream.range(0, 100).map(x -> x * x).boxed().toList());
            assertThat(pool.apply(ClusterPoolTest::square, 7)).isEqualTo(49);
            assertThatThrownBy(() -> pool.applyAsync((Integer x) -> 1 / x, 0).get()).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(ArithmeticException.class);
        }
        assertThat(List.of(1)).hasSize(1);
    }
}
