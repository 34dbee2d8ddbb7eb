package dev.spindle.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.Context;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.multiprocessing.Connection;
import dev.spindle.multiprocessing.Pipe;
import dev.spindle.multiprocessing.Pool;
import dev.spindle.sync.Event;
import dev.spindle.sync.Lock;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Queues shared by child processes and pool workers: travel, producers that exit, items large and unfit. */
@ExtendWith(NoLeaks.class)
@SuppressWarnings("serial") // the targets are serializable method references
class QueueAcrossProcessesTest {
    /** Above half of a queue's ring: travels in a segment of its own. */
    private static final int LARGE = 3 << 20;

    @AfterEach
    void dropQueues() throws InterruptedException {
        NoLeaks.awaitUnreachableSegmentsRemoved();
    }

    static void putsTen(Queue<Integer> queue) throws InterruptedException {
        for (int i = 0; i < 10; i++) {
            queue.put(i);
        }
    }

    static byte[] large(int seed) {
        byte[] bytes = new byte[LARGE];
        Arrays.fill(bytes, (byte) seed);
        bytes[0] = 1;
        bytes[bytes.length - 1] = 2;
        return bytes;
    }

    private static void putsItsItems(Queue<Object> queue) throws InterruptedException {
        queue.put("small");
        queue.put(large(7));
        queue.put("last");
    }

    static void putsAndExits(Queue<Object> queue, String how) throws Exception {
        putsItsItems(queue);
        if (how.equals("exit")) {
            System.exit(3);
        }
    }

    static void putsAndWaitsToBeKilled(Queue<Object> queue, Event put) throws Exception {
        putsItsItems(queue);
        put.set();
        Thread.sleep(Long.MAX_VALUE);
    }

    private static void assertTheProducersItems(Queue<Object> queue) throws InterruptedException {
        assertThat(queue.get(Deadlines.CHILD)).isEqualTo("small");
        assertThat((byte[]) queue.get(Deadlines.CHILD)).isEqualTo(large(7));
        assertThat(queue.get(Deadlines.CHILD)).isEqualTo("last");
        assertThat(queue.empty()).isTrue();
    }

    @Test
    void theParentGetsWhatAChildPutInOrderAfterJoiningIt() throws Exception {
        Queue<Integer> queue = Context.processes().queue();
        ChildProcess child = new ChildProcess(QueueAcrossProcessesTest::putsTen, queue);
        child.start();
        child.join();
        assertThat(child.exitCode()).isZero();
        List<Integer> got = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            got.add(queue.getNowait());
        }
        assertThat(got).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void aProducerThatReturnsOrExitsRightAfterPutLeavesItsItems() throws Exception {
        for (String how : List.of("return", "exit")) {
            Queue<Object> queue = Context.processes().queue();
            ChildProcess child = new ChildProcess(QueueAcrossProcessesTest::putsAndExits, queue, how);
            child.start();
            assertThat(child.join(Deadlines.CHILD)).isTrue();
            assertThat(child.exitCode()).as(how).isEqualTo(how.equals("exit") ? 3 : 0);
            assertTheProducersItems(queue);
        }
    }

    @Test
    void aProducerKilledRightAfterPutLeavesItsItems() throws Exception {
        Queue<Object> queue = Context.processes().queue();
        Event put = Context.processes().event();
        ChildProcess child = new ChildProcess(QueueAcrossProcessesTest::putsAndWaitsToBeKilled, queue, put);
        child.start();
        assertThat(put.await(Deadlines.CHILD)).isTrue();
        child.kill();
        child.join();
        assertTheProducersItems(queue);
    }

    static int sumOfWhatItTakes(Queue<Integer> queue, int count) throws InterruptedException {
        int sum = 0;
        for (int i = 0; i < count; i++) {
            sum += queue.take();
        }
        return sum;
    }

    static void putsWhatThePipeBrings(Connection conn) throws Exception {
        @SuppressWarnings("unchecked")
        Queue<String> queue = (Queue<String>) conn.recv();
        queue.put("through a pipe");
        conn.close();
    }

    @SuppressWarnings("unchecked")
    static void answersInTheQueueItBrings(Queue<Object> requests) throws Exception {
        Queue<Object> replies = (Queue<Object>) requests.take();
        replies.put("inside an item");
    }

    private static Queue<Integer> initialized;

    static void keep(Queue<Integer> queue) {
        initialized = queue;
    }

    static int putsIntoTheInitializersQueue(int item) throws InterruptedException {
        initialized.put(item);
        return item;
    }

    @Test
    void aQueueTravelsToPoolTasksInitializersThroughPipesAndInsideItems() throws Exception {
        Queue<Integer> numbers = Context.processes().queue();
        for (int i = 1; i <= 100; i++) {
            numbers.put(i);
        }
        try (Pool pool = Context.processes().pool(2)) {
            assertThat(pool.apply(QueueAcrossProcessesTest::sumOfWhatItTakes, numbers, 100)).isEqualTo(5050);
        }
        Queue<Integer> fromInitializer = Context.processes().queue();
        try (Pool pool = Pool.builder(Context.processes()).processes(1)
                .initializer(QueueAcrossProcessesTest::keep, fromInitializer).build()) {
            assertThat(pool.map(QueueAcrossProcessesTest::putsIntoTheInitializersQueue, List.of(4, 5))).containsExactly(4, 5);
        }
        assertThat(List.of(fromInitializer.get(Deadlines.CHILD), fromInitializer.get(Deadlines.CHILD))).containsExactlyInAnyOrder(4, 5);

        Queue<String> piped = Context.processes().queue();
        Pipe pipe = Pipe.open();
        ChildProcess viaPipe = new ChildProcess(QueueAcrossProcessesTest::putsWhatThePipeBrings, pipe.right());
        viaPipe.start();
        pipe.left().send(piped);
        assertThat(piped.get(Deadlines.CHILD)).isEqualTo("through a pipe");
        viaPipe.join();
        pipe.left().close();
        pipe.right().close();

        Queue<String> captured = Context.processes().queue();
        ChildProcess capturing = new ChildProcess(() -> captured.put("captured by the target"));
        capturing.start();
        assertThat(captured.get(Deadlines.CHILD)).isEqualTo("captured by the target");
        capturing.join();

        Queue<Object> requests = Context.processes().queue();
        Queue<Object> replies = Context.processes().queue();
        ChildProcess viaItem = new ChildProcess(QueueAcrossProcessesTest::answersInTheQueueItBrings, requests);
        viaItem.start();
        requests.put(replies);
        assertThat(replies.get(Deadlines.CHILD)).isEqualTo("inside an item");
        viaItem.join();
        assertThat(viaItem.exitCode()).isZero();
    }

    @SuppressWarnings("unchecked")
    static void triesTheLockItGets(Queue<Object> queue) throws Exception {
        Lock lock = (Lock) queue.take();
        Queue<Object> answers = (Queue<Object>) queue.take();
        answers.put(lock.tryLock());
        Event released = (Event) queue.take();
        released.await(Deadlines.CHILD);
        answers.put(lock.tryLock(Deadlines.CHILD.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS));
        lock.unlock();
    }

    @Test
    void aLockSentInsideAQueueItemIsTheSameLockThere() throws Exception {
        Queue<Object> queue = Context.processes().queue();
        Queue<Object> answers = Context.processes().queue();
        Lock lock = Context.processes().lock();
        Event released = Context.processes().event();
        lock.lock();
        ChildProcess child = new ChildProcess(QueueAcrossProcessesTest::triesTheLockItGets, queue);
        child.start();
        queue.put(lock);
        queue.put(answers);
        assertThat(answers.get(Deadlines.CHILD)).as("held here, so not free there").isEqualTo(false);
        queue.put(released);
        lock.unlock();
        released.set();
        assertThat(answers.get(Deadlines.CHILD)).as("free once released here").isEqualTo(true);
        child.join();
        assertThat(child.exitCode()).isZero();
        assertThat(lock.tryLock()).as("and released there").isTrue();
        lock.unlock();
    }

    /** An item with a field that cannot be encoded. */
    record Unfit(String name, Object payload) implements Serializable {}

    @Test
    void anItemThatCannotBeEncodedThrowsAtPutNamingTheFieldAndNothingEntersTheQueue() throws Exception {
        Queue<Object> queue = Context.processes().queue();
        Unfit unfit = new Unfit("job", new Object());
        assertThatThrownBy(() -> queue.put(unfit)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Object").hasMessageContaining("payload");
        assertThatThrownBy(() -> queue.offer(unfit)).isInstanceOf(IllegalArgumentException.class);
        assertThat(queue.qsize()).isZero();
        queue.put("fine");
        assertThat(queue.get()).isEqualTo("fine");
    }

    @Test
    void anItemAboveTheQueuesLimitIsRefusedAtPutAndTheQueueIsUnharmed() throws Exception {
        Queue<Object> queue = Context.processes().queue(0, 1_000);
        assertThatThrownBy(() -> queue.put(new byte[2_000])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("over the limit of 1000 bytes");
        assertThat(queue.qsize()).isZero();
        queue.put(new byte[500]);
        assertThat((byte[]) queue.get()).hasSize(500);
    }

    static void echoesLengthAndEnds(Queue<Object> queue) throws Exception {
        byte[] big = (byte[]) queue.take();
        queue.put(big.length + ":" + big[0] + ":" + big[big.length / 2] + ":" + big[big.length - 1]);
    }

    @Test
    void anItemOf200MegabytesTravelsInASegmentOfItsOwnAndLeavesNothingBehind() throws Exception {
        Queue<Object> queue = Context.processes().queue(0, 256 << 20); // above the default item limit
        byte[] big = new byte[200 << 20];
        big[0] = 3;
        big[big.length / 2] = 4;
        big[big.length - 1] = 5;
        ChildProcess child = new ChildProcess(QueueAcrossProcessesTest::echoesLengthAndEnds, queue);
        child.start();
        queue.put(big);
        big = null;
        child.join();
        assertThat(child.exitCode()).isZero();
        assertThat(queue.get()).isEqualTo((200 << 20) + ":3:4:5");
        assertThat(itemSegments()).as("the consumer removed the item's segment").isEmpty();
    }

    private static List<String> itemSegments() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("/dev/shm"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("spindle-" + ProcessHandle.current().pid() + "-") && n.contains("-item-"))
                    .toList();
        }
    }

    static void joinsOnceTheParentIsDone(JoinableQueue<Integer> queue, Queue<String> said) throws Exception {
        for (int i = 0; i < 3; i++) {
            queue.put(i);
        }
        queue.join();
        said.put("joined");
    }

    @Test
    void aChildJoinsAQueueWhoseTasksTheParentMarksDone() throws Exception {
        JoinableQueue<Integer> queue = Context.processes().joinableQueue();
        Queue<String> said = Context.processes().queue();
        ChildProcess producer = new ChildProcess(QueueAcrossProcessesTest::joinsOnceTheParentIsDone, queue, said);
        producer.start();
        for (int i = 0; i < 3; i++) {
            assertThat(queue.get(Deadlines.CHILD)).isEqualTo(i);
            assertThat(said.poll()).as("the producer still joins").isNull();
            queue.taskDone();
        }
        assertThat(said.get(Deadlines.CHILD)).isEqualTo("joined");
        producer.join();
        assertThatThrownBy(queue::taskDone).isInstanceOf(IllegalStateException.class);
    }

    static void putsAHundredSimply(SimpleQueue<Integer> queue) {
        for (int i = 0; i < 100; i++) {
            queue.put(i);
        }
    }

    @Test
    void aSimpleQueueCarriesItemsFromAChild() throws Exception {
        SimpleQueue<Integer> queue = Context.processes().simpleQueue();
        ChildProcess child = new ChildProcess(QueueAcrossProcessesTest::putsAHundredSimply, queue);
        child.start();
        for (int i = 0; i < 100; i++) {
            assertThat(queue.get()).isEqualTo(i);
        }
        child.join();
        assertThat(queue.empty()).isTrue();
    }

    @Test
    void getWithATimeoutOnAnEmptySharedQueueSaysEmptyInTime() {
        Queue<Object> queue = Context.processes().queue(1);
        assertThatThrownBy(() -> queue.get(Duration.ofMillis(50))).isInstanceOf(Empty.class);
        queue.putNowait("one");
        assertThatThrownBy(() -> queue.put("two", Duration.ofMillis(50))).isInstanceOf(Full.class);
    }
}
