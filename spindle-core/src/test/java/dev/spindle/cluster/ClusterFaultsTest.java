package dev.spindle.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.Context;
import dev.spindle.multiprocessing.AsyncResult;
import dev.spindle.multiprocessing.Pool;
import dev.spindle.testing.ClusterFixture;
import dev.spindle.testing.Deadlines;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a cluster survives: a host killed whole in the middle of tasks, a host stopped past its
 * lease, hostile bytes in the task stream, a task its host cannot load, Redis unreachable.
 * Hosts here are JVMs in process groups of their own, as machines; each test has its own cluster
 * name on the shared Redis, and a short lease.
 */
class ClusterFaultsTest {
    private static final Duration LEASE = Duration.ofMillis(1500);

    @TempDir
    Path dir;

    /** Records that it started in this process, waits until its release file exists, records its end. */
    static long runsUntilReleased(Path dir, int task) throws Exception {
        long pid = ProcessHandle.current().pid();
        Files.writeString(dir.resolve("started-" + task + "-" + pid), "");
        while (!Files.exists(dir.resolve("release")) && !Files.exists(dir.resolve("release-" + pid))) {
            LockSupport.parkNanos(2_000_000);
        }
        Files.writeString(dir.resolve("done-" + task), pid + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return pid;
    }

    private List<Long> startedBy(int task) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("started-" + task + "-"))
                    .map(n -> Long.parseLong(n.substring(n.lastIndexOf('-') + 1))).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Cluster freshCluster() {
        return Cluster.at(ClusterFixture.redis().uri()).name(ClusterFixture.freshName("faults")).lease(LEASE);
    }

    @Test
    void theTasksOfAHostKilledWholeRunAgainElsewhereOnceAndNothingIsLost() throws Exception {
        Cluster cluster = freshCluster();
        try (ClusterFixture.Host first = ClusterFixture.Host.start(cluster, 2); Pool pool = cluster.context().pool(2)) {
            List<AsyncResult<Long>> results = new ArrayList<>();
            for (int task = 0; task < 4; task++) {
                results.add(pool.applyAsync(ClusterFaultsTest::runsUntilReleased, dir, task));
            }
            Deadlines.await("the first host runs two tasks", Deadlines.CHILD,
                    () -> startedBy(0).size() + startedBy(1).size() + startedBy(2).size() + startedBy(3).size() == 2);
            first.killGroup();
            try (ClusterFixture.Host second = ClusterFixture.Host.start(cluster, 2)) {
                Files.writeString(dir.resolve("release"), "");
                for (AsyncResult<Long> result : results) {
                    result.get(Deadlines.CHILD);
                }
                for (int task = 0; task < 4; task++) {
                    List<String> finishedBy = Files.readAllLines(dir.resolve("done-" + task));
                    assertThat(finishedBy).as("task %d finished once", task).hasSize(1);
                    assertThat(results.get(task).get()).isEqualTo(Long.parseLong(finishedBy.get(0)));
                }
                int ranTwice = 0;
                for (int task = 0; task < 4; task++) {
                    ranTwice += startedBy(task).size() == 2 ? 1 : 0;
                    assertThat(startedBy(task).size()).isBetween(1, 2);
                }
                assertThat(ranTwice).as("the dead host's two tasks started again elsewhere").isEqualTo(2);
                assertThat(second.isAlive()).isTrue();
            }
        }
    }

    @Test
    void aHostStoppedPastItsLeaseStopsTheTaskItLostAndItsRunnerStoresTheOutcome() throws Exception {
        Cluster cluster = freshCluster();
        try (ClusterFixture.Host first = ClusterFixture.Host.start(cluster, 1); Pool pool = cluster.context().pool(1)) {
            AsyncResult<Long> result = pool.applyAsync(ClusterFaultsTest::runsUntilReleased, dir, 0);
            Deadlines.await("the first host runs the task", Deadlines.CHILD, () -> startedBy(0).size() == 1);
            long firstRunner = startedBy(0).get(0);
            first.stopGroup();
            try (ClusterFixture.Host second = ClusterFixture.Host.start(cluster, 1)) {
                Deadlines.await("the second host takes the task over", Deadlines.CHILD, () -> startedBy(0).size() == 2);
                long secondRunner = startedBy(0).stream().filter(pid -> pid != firstRunner).findFirst().orElseThrow();
                first.continueGroup();
                // The first host finds at its next heartbeat that its lease passed on, and stops its run.
                Deadlines.await("the first host stops the run it lost", Deadlines.CHILD,
                        () -> ProcessHandle.of(firstRunner).map(ProcessHandle::isAlive).orElse(false) == false);
                Files.writeString(dir.resolve("release-" + secondRunner), "");
                assertThat(result.get(Deadlines.CHILD)).isEqualTo(secondRunner);
                assertThat(Files.readAllLines(dir.resolve("done-0"))).containsExactly(Long.toString(secondRunner));
                assertThat(pool.apply(ClusterFaultsTest::pid)).as("the hosts still serve").isPositive();
                assertThat(second.isAlive()).isTrue();
            }
        }
    }

    @Test
    void aRedisRestartLosesNoAcceptedTaskAndClientsAndHostsReconnect() throws Exception {
        try (LocalRedis redis = LocalRedis.start(true)) {
            Cluster cluster = Cluster.at(redis.uri()).lease(LEASE);
            try (ClusterFixture.Host host = ClusterFixture.Host.start(cluster, 1); Pool pool = cluster.context().pool(1)) {
                List<AsyncResult<Long>> results = new ArrayList<>();
                for (int task = 0; task < 3; task++) {
                    results.add(pool.applyAsync(ClusterFaultsTest::runsUntilReleased, dir, task));
                }
                Deadlines.await("the host runs the first task", Deadlines.CHILD, () -> startedBy(0).size() == 1);
                redis.kill();
                redis.restart();
                Files.writeString(dir.resolve("release"), "");
                for (AsyncResult<Long> result : results) {
                    assertThat(result.get(Deadlines.CHILD)).isPositive();
                }
                for (int task = 0; task < 3; task++) {
                    assertThat(Files.readAllLines(dir.resolve("done-" + task))).as("task %d finished once", task).hasSize(1);
                }
                assertThat(pool.apply(ClusterFaultsTest::square, 5)).isEqualTo(25);
                assertThat(host.isAlive()).isTrue();
            }
        }
    }

    static String marks(Path mark) throws IOException {
        Files.writeString(mark, "ran");
        return "ran";
    }

    @Test
    void aTaskCancelledWhileItWaitsInRedisNeverRunsAndNeitherHoldsAWorker() throws Exception {
        Cluster cluster = freshCluster();
        try (ClusterFixture.Host host = ClusterFixture.Host.start(cluster, 1); Pool pool = cluster.context().pool(1)) {
            AsyncResult<Long> first = pool.applyAsync(ClusterFaultsTest::runsUntilReleased, dir, 0);
            Deadlines.await("the host runs the first task", Deadlines.CHILD, () -> startedBy(0).size() == 1);
            AsyncResult<String> dropped = pool.applyAsync(ClusterFaultsTest::marks, dir.resolve("dropped"));
            assertThat(dropped.toCompletableFuture().cancel(false)).isTrue();
            Files.writeString(dir.resolve("release"), "");
            assertThat(first.get(Deadlines.CHILD)).isPositive();
            assertThat(pool.apply(ClusterFaultsTest::marks, dir.resolve("after"))).isEqualTo("ran");
            assertThat(dir.resolve("dropped")).as("the cancelled task never ran").doesNotExist();
            assertThat(host.isAlive()).isTrue();
        }
    }

    static long pid() {
        return ProcessHandle.current().pid();
    }

    static int square(int x) {
        return x * x;
    }

    @Test
    void hostileBytesInTheTaskStreamFailOnlyThemselvesAndTheHostGoesOn() throws Exception {
        Context context = ClusterFixture.context();
        RedisClient client = RedisClient.create(ClusterFixture.redis().uri().toString());
        try (StatefulRedisConnection<String, String> redis = client.connect(); Pool pool = context.pool(2)) {
            assertThat(pool.apply(ClusterFaultsTest::square, 3)).isEqualTo(9); // the stream and group exist
            String stream = "spindle:shared:tasks:default";
            redis.sync().xadd(stream, Map.of("t", "not a task at all"));
            redis.sync().xadd(stream, Map.of("x", "y", "z", "w"));
            redis.sync().xadd(stream, Map.of("t", new String(new byte[] {0, 0, 0, 40, 1, 'T', 0, 3, 'a', 'b'}, StandardCharsets.ISO_8859_1)));
            assertThat(pool.map(ClusterFaultsTest::square, List.of(1, 2, 3))).containsExactly(1, 4, 9);
        } finally {
            client.shutdown();
        }
    }

    @Test
    void aTaskWhoseClassTheHostCannotLoadFailsWithTheReasonAndTheHostGoesOn() throws Exception {
        Cluster cluster = freshCluster();
        try (ClusterFixture.Host host = ClusterFixture.Host.startWithoutTestClasses(cluster, 1);
             Pool pool = cluster.context().pool(1)) {
            for (int i = 0; i < 2; i++) { // the second answer shows the host went on
                assertThatThrownBy(() -> pool.applyAsync(ClusterFaultsTest::square, 4).get(Deadlines.CHILD))
                        .isInstanceOf(ExecutionException.class)
                        .satisfies(e -> assertThat(e.getCause().toString()).contains("ClusterFaultsTest is not here"));
            }
            assertThat(host.isAlive()).isTrue();
        }
    }

    /** Where the class of this task was loaded from, in the worker process that runs it. */
    static String whereThisClassCameFrom() {
        return ClusterFaultsTest.class.getProtectionDomain().getCodeSource().getLocation().toString();
    }

    @Test
    void aClientThatShipsItsClassPathHasItsTasksRunByAWorkerThatLacksItsClasses() throws Exception {
        Cluster cluster = freshCluster().shipClassPath(true);
        try (ClusterFixture.Host host = ClusterFixture.Host.startWithoutTestClasses(cluster, 1);
             Pool pool = cluster.context().pool(1)) {
            assertThat(pool.apply(ClusterFaultsTest::square, 4)).isEqualTo(16);
            assertThat(pool.apply(ClusterFaultsTest::whereThisClassCameFrom)).as("the shipped copy of test-classes")
                    .contains("spindle-classpaths").endsWith(".jar");
            assertThat(host.isAlive()).isTrue();
        }
    }

    @Test
    void redisUnreachableAtTheFirstPoolIsAClearExceptionWithinTheTimeout() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Context nowhere = Cluster.at("redis://127.0.0.1:" + closed).timeout(Duration.ofSeconds(1)).context();
        assertThatThrownBy(() -> nowhere.pool(1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot reach the cluster's Redis at redis://127.0.0.1:" + closed);
        assertThatThrownBy(() -> Worker.builder(Cluster.at("redis://127.0.0.1:" + closed).timeout(Duration.ofSeconds(1))).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot reach");
    }
}
