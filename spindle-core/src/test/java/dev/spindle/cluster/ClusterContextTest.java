package dev.spindle.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.Context;
import dev.spindle.Spindle;
import dev.spindle.multiprocessing.Pool;
import java.net.URI;
import dev.spindle.multiprocessing.TypeCode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a cluster context is without reaching Redis: a value, its checks, and what it refuses. */
class ClusterContextTest {
    @Test
    void equalClustersGiveTheSameContextAndItsStringHidesThePassword() {
        Cluster cluster = Cluster.at("redis://:secret@127.0.0.1:6379/2").name("crawl").queue("fast").lease(Duration.ofSeconds(3));
        assertThat(Context.cluster(cluster)).isSameAs(Cluster.at("redis://:secret@127.0.0.1:6379/2").name("crawl")
                .queue("fast").lease(Duration.ofSeconds(3)).context());
        assertThat(cluster.context().kind()).isEqualTo(Context.Kind.CLUSTER);
        assertThat(cluster.context().clusterOf()).contains(cluster);
        assertThat(cluster.context().startMethod()).isEmpty();
        assertThat(cluster.context().toString()).contains("crawl").contains("fast").doesNotContain("secret");
        assertThat(Context.processes().clusterOf()).isEmpty();
    }

    @Test
    void badSettingsAreRefusedAtOnce() {
        assertThatThrownBy(() -> Cluster.at("http://127.0.0.1:6379")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("redis://");
        assertThatThrownBy(() -> Cluster.at("redis:///0")).isInstanceOf(IllegalArgumentException.class);
        Cluster cluster = Cluster.at("redis://127.0.0.1");
        assertThatThrownBy(() -> cluster.name("a:b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cluster.queue(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cluster.lease(Duration.ofMillis(100))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cluster.timeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Worker.builder(cluster).processes(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Worker.builder(cluster).queues()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePoolsMadeWithoutAContextGoWhereSetPoolContextOrThePropertySays() {
        Context cluster = Cluster.at("redis://127.0.0.1:1").name("elsewhere").context();
        try {
            assertThat(Pool.builder().context()).isEqualTo(Context.processes());
            Spindle.setPoolContext(cluster);
            assertThat(Pool.builder().context()).isSameAs(cluster);
            assertThatThrownBy(() -> Spindle.setPoolContext(Context.threads())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Pool.threads");
            Spindle.setPoolContext(null);
            System.setProperty("spindle.pools", "redis://127.0.0.1:2");
            assertThat(Pool.builder().context()).isSameAs(Context.cluster(URI.create("redis://127.0.0.1:2")));
        } finally {
            Spindle.setPoolContext(null);
            System.clearProperty("spindle.pools");
        }
        assertThat(Spindle.poolContext()).isEqualTo(Context.processes());
    }

    @Test
    void whatIsOneMachinesOrNotBuiltYetSaysSo() {
        Context context = Cluster.at("redis://127.0.0.1:1").context();
        assertThatThrownBy(() -> context.process(() -> { })).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("one machine's");
        assertThatThrownBy(context::pipe).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> context.sharedMemory(10)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> context.barrier(2)).isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("not built yet");
        assertThatThrownBy(() -> context.array(TypeCode.INT, 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> context.poolBuilder(2).jvmOptions("-Xmx1g")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> context.poolBuilder(2).maxTasksPerChild(3).build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bin/spindle worker");
    }
}
