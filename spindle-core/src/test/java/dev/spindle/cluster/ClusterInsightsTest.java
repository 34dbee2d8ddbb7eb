package dev.spindle.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.insights.Dashboard;
import dev.spindle.insights.PoolInsights;
import dev.spindle.multiprocessing.AsyncResult;
import dev.spindle.multiprocessing.Pool;
import dev.spindle.testing.ClusterFixture;
import dev.spindle.sync.Event;
import dev.spindle.testing.EventStream;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A cluster pool's insights, and the dashboard of a cluster read from its Redis. */
class ClusterInsightsTest {
    static int work(int x) throws InterruptedException {
        if (x == 7) {
            Thread.sleep(300);
        }
        if (x == 13) {
            throw new IllegalArgumentException("bad item " + x);
        }
        return x;
    }

    private static void runAll(Pool pool, int count) throws InterruptedException {
        List<AsyncResult<Integer>> results = IntStream.range(0, count).mapToObj(x -> pool.applyAsync(ClusterInsightsTest::work, x))
                .toList();
        for (AsyncResult<Integer> result : results) {
            result.waitFor();
        }
    }

    @Test
    void aClusterPoolReportsItsTasksFromTheClientAndItsWorkersFromTheHosts() throws Exception {
        try (Pool pool = Pool.builder(ClusterFixture.context()).insights(true).name("cluster-insights").build()) {
            runAll(pool, 20);
            PoolInsights insights = pool.insights();
            assertThat(insights.kind()).isEqualTo("cluster");
            assertThat(insights.done()).isEqualTo(19);
            assertThat(insights.failed()).isEqualTo(1);
            assertThat(insights.slowest().getFirst().arguments()).isEqualTo("7");
            assertThat(insights.slowest().getFirst().took()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(insights.slowest().getFirst().worker()).contains("/SpawnPoolWorker-");
            assertThat(insights.failures()).singleElement()
                    .satisfies(f -> assertThat(f.traceback()).contains("IllegalArgumentException: bad item 13"));
            assertThat(insights.workers()).isNotEmpty().allSatisfy(w -> assertThat(w.host()).isNotEmpty());
        }
    }

    @Test
    void theClustersDashboardShowsItsHostsWorkersAndTheirOutcomes() throws Exception {
        Cluster shared = ClusterFixture.context().clusterOf().orElseThrow();
        try (Pool pool = Pool.builder(shared.context()).build();
             Dashboard dashboard = Dashboard.ofCluster(shared, 0);
             EventStream browser = new EventStream(dashboard.uri())) {
            String name = "cluster shared (queue default, 1 host)";
            String first = browser.next();
            assertThat(first).contains("\"name\":\"" + name + "\"").contains("\"kind\":\"cluster\"");
            assertThat(first.split("\"name\":\"SpawnPoolWorker-", -1)).as("the host's two workers").hasSize(3);
            long before = EventStream.counts(first, name)[0];
            runAll(pool, 20);
            String json = browser.awaitDone(name, before + 19);
            while (!json.contains("bad item 13")) {
                json = browser.next();
            }
            assertThat(json).contains("\"host\":\"");
        }
    }

    @Test
    void aRedisThatGoesAwayShowsAsAnErrorAndTheDashboardRecovers() throws Exception {
        LocalRedis redis = LocalRedis.start(false);
        try {
            Cluster cluster = Cluster.at(redis.uri()).name(ClusterFixture.freshName("watched")).timeout(Duration.ofSeconds(1));
            RedisClient client = RedisClient.create(redis.uri().toString());
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                // Hostile bytes where hosts' reports go: skipped, never an error or a class loaded.
                connection.sync().set("spindle:" + cluster.name() + ":hosts:junk", "\u00ac\u00ed\u0000\u0005junk");
                connection.sync().set("spindle:" + cluster.name() + ":hosts:empty", "");
            } finally {
                client.shutdown();
            }
            try (Dashboard dashboard = Dashboard.ofCluster(cluster, 0);
                 EventStream browser = new EventStream(dashboard.uri())) {
                assertThat(browser.next()).contains("\"state\":\"no hosts\"").doesNotContain("\"error\":");
                redis.kill();
                String json;
                do {
                    json = browser.next();
                } while (!json.contains("\"error\":"));
                redis.restart();
                do {
                    json = browser.next();
                } while (json.contains("\"error\":"));
                assertThat(json).contains("\"state\":\"no hosts\"");
            }
            Event event = cluster.context().event();
            event.set();
            redis.close(); // for good: this JVM's links to it close, none keeps reconnecting
            assertThatThrownBy(event::isSet).isInstanceOf(IllegalStateException.class);
        } finally {
            redis.close();
        }
        assertThatThrownBy(() -> Dashboard.ofCluster(Cluster.at("redis://127.0.0.1:1").timeout(Duration.ofSeconds(1)), 0))
                .isInstanceOf(IllegalStateException.class);
    }
}
