package dev.spindle.gevent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** gevent's Group and Pool: membership, join, kill, a full pool blocking spawn, and the maps. */
class PoolTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aFullPoolBlocksSpawnUntilATaskFinishes() throws Exception {
        Pool pool = new Pool(2);
        CountDownLatch release = new CountDownLatch(1);
        pool.spawn(() -> release.await());
        pool.spawn(() -> release.await());
        assertThat(pool.full()).isTrue();
        assertThat(pool.freeCount()).isZero();
        assertThat(pool.size()).isEqualTo(2);
        Thread spawner = Thread.ofVirtual().start(() -> {
            try {
                pool.spawn(() -> "third");
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        while (spawner.getState() != Thread.State.WAITING) {
            Thread.onSpinWait(); // the spawner blocks in the pool
        }
        assertThat(spawner.isAlive()).isTrue();
        release.countDown();
        assertThat(spawner.join(WAIT)).isTrue();
        pool.join();
        assertThat(pool.size()).isZero();
        assertThat(pool.freeCount()).isEqualTo(2);
        assertThatThrownBy(() -> new Pool(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mapRunsAtMostSizeItemsAtOnceAndKeepsTheirOrder() {
        Pool pool = new Pool(3);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Integer> squares = pool.map(x -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.yield();
            running.decrementAndGet();
            return x * x;
        }, IntStream.range(0, 50).boxed().toList());
        assertThat(squares).isEqualTo(IntStream.range(0, 50).map(x -> x * x).boxed().toList());
        assertThat(most.get()).isBetween(1, 3);
    }

    @Test
    void imapYieldsInOrderAndImapUnorderedAsTasksFinish() throws Exception {
        CompletableFuture<Void> firstMayFinish = new CompletableFuture<>();
        Group group = new Group();
        Iterator<String> unordered = group.imapUnordered(x -> {
            if (x == 1) {
                firstMayFinish.get(); // item 1 ends only after item 2 has been read
            }
            return "item " + x;
        }, List.of(1, 2));
        assertThat(unordered.next()).isEqualTo("item 2");
        firstMayFinish.complete(null);
        assertThat(unordered.next()).isEqualTo("item 1");
        assertThat(unordered.hasNext()).isFalse();

        List<Integer> ordered = new ArrayList<>();
        new Pool(2).imap(x -> x + 1, List.of(5, 4, 3, 2, 1)).forEachRemaining(ordered::add);
        assertThat(ordered).containsExactly(6, 5, 4, 3, 2);

        assertThat(new Group().imapUnordered(x -> x, List.of()).hasNext()).isFalse();
    }

    @Test
    void aFailedItemThrowsFromTheMap() {
        IllegalStateException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> new Pool(2).map(x -> {
            if (x == 3) {
                throw boom;
            }
            return x;
        }, List.of(1, 2, 3, 4))).isSameAs(boom);
    }

    @Test
    void aGroupTracksItsTasksUntilTheyFinishAndKillsThem() throws Exception {
        Group group = new Group();
        CountDownLatch started = new CountDownLatch(3);
        List<Task<Void>> sleepers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sleepers.add(group.spawn(() -> {
                started.countDown();
                Thread.sleep(Duration.ofDays(1));
            }));
        }
        Task<String> outside = Gevent.spawn(() -> "outside");
        outside.join();
        group.add(outside);
        started.await();
        assertThat(group.size()).isEqualTo(3);
        assertThat(group.contains(sleepers.get(0))).isTrue();
        assertThat(group.contains(outside)).as("a finished task leaves at once").isFalse();
        group.discard(sleepers.get(2));
        assertThat(group).containsExactlyInAnyOrder(sleepers.get(0), sleepers.get(1));
        assertThat(group.join(Duration.ofMillis(20))).isFalse();
        group.kill();
        assertThat(group.size()).isZero();
        assertThat(sleepers.subList(0, 2)).allMatch(Task::isCancelled);
        assertThat(sleepers.get(2).ready()).as("a discarded task is not killed with the group").isFalse();
        sleepers.get(2).kill();
        assertThat(group.join(WAIT)).isTrue();
    }
}
