package dev.spindle.managers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.Context;
import dev.spindle.RemoteTraceback;
import dev.spindle.SerializationException;
import dev.spindle.Spindle;
import dev.spindle.multiprocessing.AuthenticationException;
import dev.spindle.multiprocessing.BaseProcess;
import dev.spindle.multiprocessing.TypeCode;
import dev.spindle.multiprocessing.Value;
import dev.spindle.queue.Queue;
import dev.spindle.sync.Event;
import dev.spindle.sync.Lock;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A manager in a child JVM: shared objects through proxies, nested objects, travel, faults. */
@ExtendWith(NoLeaks.class)
@SuppressWarnings("serial") // method references of this test, meant to travel
class ManagerTest {
    static Manager manager;

    @BeforeAll
    static void start() {
        manager = Context.processes().manager();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        manager.close();
        NoLeaks.awaitUnreachableSegmentsRemoved(); // the process queues and events the tests made
    }

    static void record(Map<Object, Object> d, List<Object> l, Integer i) {
        d.put(i, "process " + i);
        l.add(i);
    }

    @Test
    void tenProcessesFillOneDictAndOneList() throws Exception {
        Map<Object, Object> d = manager.dict();
        List<Object> l = manager.list();
        List<BaseProcess> children = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            BaseProcess p = Context.processes().process(ManagerTest::record, d, l, i);
            p.start();
            children.add(p);
        }
        for (BaseProcess p : children) {
            p.join();
            assertThat(p.exitCode()).isZero();
        }
        assertThat(d).hasSize(10).containsEntry(3, "process 3");
        assertThat(l).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(new ArrayList<>(l)).hasSize(10);
    }

    static void appendTo(Map<String, List<Integer>> d) {
        d.get("nested").add(42);
    }

    @Test
    void aListStoredInADictIsSharedByReferenceNotCopied() throws Exception {
        Map<String, List<Integer>> d = manager.dict();
        d.put("nested", new ArrayList<>(List.of(1)));
        List<Integer> nested = d.get("nested");
        nested.add(2);
        BaseProcess child = Context.processes().process(ManagerTest::appendTo, d);
        child.start();
        child.join();
        assertThat(child.exitCode()).isZero();
        assertThat(d.get("nested")).containsExactly(1, 2, 42);
        assertThat(nested).containsExactly(1, 2, 42);
    }

    @Test
    void aProxyTravelsInsideAQueueItemAndIntoAnotherManagedObject() throws Exception {
        Lock lock = manager.lock();
        Queue<Object> queue = Context.processes().queue();
        queue.put(List.of("the lock", lock));
        List<?> item = (List<?>) queue.get(Deadlines.PROMPT);
        Lock arrived = (Lock) item.get(1);
        assertThat(arrived).isEqualTo(lock);
        Map<String, Object> d = manager.dict();
        d.put("lock", lock);
        Lock fromDict = (Lock) d.get("lock");
        assertThat(fromDict.tryLock()).isTrue();
        assertThat(lock.tryLock()).as("the same lock, held").isFalse();
        fromDict.unlock();
        assertThat(arrived.tryLock()).isTrue();
        arrived.unlock();
    }

    @Test
    void aCallThatFailsInTheManagerThrowsTheOriginalExceptionWithItsTraceback() {
        List<Object> l = manager.list();
        assertThatThrownBy(() -> l.get(5)).isInstanceOf(IndexOutOfBoundsException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).hasAtLeastOneElementOfType(RemoteTraceback.class));
        assertThatThrownBy(() -> l.add(new Thread())).isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> manager.get("nothing-registered", Queue.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nothing-registered");
    }

    @Test
    void everyKindOfObjectWorksThroughItsProxy() throws Exception {
        Namespace ns = manager.namespace();
        ns.set("x", 1);
        assertThat((Integer) ns.get("x")).isEqualTo(1);
        assertThatThrownBy(() -> ns.get("y")).isInstanceOf(IllegalArgumentException.class);
        Value<Integer> v = manager.value(TypeCode.INT, 5);
        assertThat(v.addAndGet(2)).isEqualTo(7);
        Queue<String> q = manager.queue(2);
        q.put("a");
        assertThat(q.offer("b")).isTrue();
        assertThat(q.offer("c")).as("bounded").isFalse();
        assertThat(q.get(Deadlines.PROMPT)).isEqualTo("a");
        Event e = manager.event();
        assertThat(e.await(Duration.ZERO)).isFalse();
        e.set();
        assertThat(e.isSet()).isTrue();
        var condition = manager.condition();
        condition.lock().lock();
        assertThat(condition.await(Duration.ofMillis(1))).isFalse();
        condition.lock().unlock();
        assertThat(manager.semaphore(2).tryAcquire()).isTrue();
        assertThat(manager.barrier(1).await()).isZero();
    }

    @Test
    void oneProxyFromSixteenThreadsAndAHundredClientsAtOnce() throws Exception {
        Value<Integer> counter = manager.value(TypeCode.INT, 0);
        List<CompletableFuture<Void>> runs = IntStream.range(0, 100).mapToObj(i -> CompletableFuture.runAsync(() -> {
            for (int k = 0; k < 10; k++) {
                counter.incrementAndGet();
            }
        }, r -> Thread.ofVirtual().start(r))).toList();
        for (CompletableFuture<Void> run : runs) {
            run.get(Deadlines.CHILD.toSeconds(), TimeUnit.SECONDS);
        }
        assertThat(counter.get()).isEqualTo(1000);
    }

    static void holdAndWait(Lock lock, Event held) throws InterruptedException {
        lock.lock();
        held.set();
        Thread.sleep(Long.MAX_VALUE); // killed here, holding the lock: the behaviour under test
    }

    @Test
    void aClientKilledHoldingAManagedLockGivesItUp() throws Exception {
        Lock lock = manager.lock();
        Event held = Context.processes().event();
        BaseProcess child = Context.processes().process(ManagerTest::holdAndWait, lock, held);
        child.start();
        assertThat(held.await(Deadlines.CHILD)).isTrue();
        assertThat(lock.tryLock()).isFalse();
        child.kill();
        child.join();
        assertThat(lock.tryLock(Deadlines.CHILD.toMillis(), TimeUnit.MILLISECONDS)).as("given up").isTrue();
        assertThat(lock.ownerDied()).as("told, as a cross-process lock's next holder is").isTrue();
        lock.unlock();
        lock.lock();
        assertThat(lock.ownerDied()).as("reset by the release").isFalse();
        lock.unlock();
    }

    @Test
    void aKilledManagerFailsBlockedAndLaterCallsAndANewOneStarts() throws Exception {
        List<BaseProcess> before = Spindle.activeChildren();
        Manager doomed = Context.processes().manager();
        BaseProcess process = Spindle.activeChildren().stream().filter(p -> !before.contains(p))
                .filter(p -> p.name().startsWith("Manager-")).findFirst().orElseThrow();
        Queue<String> q = doomed.queue(0);
        CompletableFuture<Throwable> blocked = CompletableFuture.supplyAsync(() -> {
            try {
                q.get(Deadlines.CHILD);
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        process.kill(); // SIGKILL, whether the get has begun or not: both must fail
        process.join();
        assertThat(blocked.get(Deadlines.CHILD.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(ManagerException.class);
        assertThatThrownBy(() -> q.put("x")).isInstanceOf(ManagerException.class);
        doomed.shutdown();
        try (Manager fresh = Context.processes().manager()) {
            assertThat(fresh.list()).isEmpty();
        }
    }

    @Test
    void aServedManagerIsReachedByAddressAndKeyAndAWrongKeyIsRefused() throws Exception {
        Queue<String> jobs = Context.threads().queue();
        byte[] key = "abracadabra".getBytes(StandardCharsets.UTF_8);
        try (ManagerServer server = ManagerServer.builder().register("jobs", Queue.class, () -> jobs)
                .start(new InetSocketAddress("127.0.0.1", 0), key)) {
            BaseProcess client = Context.processes().process(ManagerTest::putJob, server.address().toString(), key);
            client.start();
            client.join();
            assertThat(client.exitCode()).isZero();
            assertThat(jobs.get(Deadlines.PROMPT)).isEqualTo("from a child JVM");
            assertThatThrownBy(() -> Manager.connect(server.address(), "wrong".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(AuthenticationException.class);
        }
    }

    @SuppressWarnings("unchecked") // a typeid's object comes as its raw interface, as a Class<Queue> gives it
    static void putJob(String address, byte[] key) throws InterruptedException {
        String[] hostPort = address.substring(address.indexOf('/') + 1).split(":");
        Manager remote = Manager.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), key);
        Queue<String> jobs = remote.get("jobs", Queue.class);
        jobs.put("from a child JVM");
    }

    @Test
    void aThreadsContextManagerHandsOutPlainObjects() throws Exception {
        try (Manager local = Context.threads().manager()) {
            Map<String, Integer> d = local.dict();
            d.put("a", 1);
            assertThat(d).containsEntry("a", 1);
            assertThat(local.address()).isNull();
            assertThat(local.lock().tryLock()).isTrue();
        }
    }
}
