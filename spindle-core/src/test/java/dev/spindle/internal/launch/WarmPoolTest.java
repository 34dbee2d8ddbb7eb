package dev.spindle.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The WARM start method's idle JVMs: starts that outpace the pool make it keep more, ahead of demand. */
class WarmPoolTest {
    @Test
    void aStartThatFindsNoReadyChildMakesThePoolKeepOneMoreUpToItsMost() {
        List<String> options = List.of("-Dspindle.test.pool=" + UUID.randomUUID()); // a pool of its own
        try {
            WarmPool pool = WarmPool.of(options);
            assertThat(pool.targetSize()).isEqualTo(WarmPool.SIZE);
            WarmPool.take(options).killAndReap(5_000); // a new pool has no child at all, let alone a ready one
            assertThat(pool.targetSize()).isEqualTo(WarmPool.SIZE + 1);
            for (int i = 0; i < WarmPool.MAX_SIZE; i++) {
                WarmPool.take(options).killAndReap(5_000);
            }
            assertThat(pool.targetSize()).isBetween(WarmPool.SIZE + 1, WarmPool.MAX_SIZE);
        } finally {
            WarmPool.discard(options);
        }
    }
}
