package dev.spindle.multiprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.Context;
import dev.spindle.function.CheckedBiConsumer;
import dev.spindle.queue.Queue;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who answers for a named block (Python 3.13's {@code track}), blocks and lists that arrive after
 * their unlink, and a {@link ShareableList} item changing its kind.
 */
@ExtendWith(NoLeaks.class)
@SuppressWarnings("serial") // the targets are serializable method references
class SharedMemoryTrackTest {
    private static final Path SHM = Path.of("/dev/shm");

    @AfterAll
    static void dropQueues() throws InterruptedException {
        NoLeaks.awaitUnreachableSegmentsRemoved();
    }

    private static String uniqueName(String what) {
        return "psm_spindle_test_" + what + "_" + UUID.randomUUID();
    }

    static void attachesAndExits(String name, Boolean track) throws Exception {
        SharedMemory block = SharedMemory.attach(name, track);
        block.buf().set(ValueLayout.JAVA_BYTE, 0, (byte) 7);
        block.close();
    }

    /** Runs {@code test} on a new untracked block of 64 bytes and its name, closed and unlinked after it. */
    private static void withBlock(String what, CheckedBiConsumer<String, SharedMemory> test) throws Exception {
        String name = uniqueName(what);
        SharedMemory block = SharedMemory.create(name, 64);
        try {
            test.accept(name, block);
        } finally {
            block.close();
            block.unlink();
        }
    }

    private static ChildProcess runs(ChildProcess child) throws InterruptedException {
        child.start();
        child.join();
        assertThat(child.exitCode()).isZero();
        return child;
    }

    /**
     * CPython's {@code test_shared_memory_untracking} (3.13): a process that attaches a block
     * without tracking it and exits leaves it in place; the {@code attach(name)} default.
     */
    @Test
    void aProcessThatAttachesUntrackedAndExitsLeavesTheBlock() throws Exception {
        withBlock("untracked", (name, block) -> {
            runs(new ChildProcess(SharedMemoryTrackTest::attachesAndExits, name, false));
            assertThat(Files.exists(SHM.resolve(name))).isTrue();
            try (SharedMemory again = SharedMemory.attach(name)) {
                assertThat(again.buf().get(ValueLayout.JAVA_BYTE, 0)).isEqualTo((byte) 7);
            }
        });
    }

    /**
     * CPython's {@code test_shared_memory_tracking} (3.13): a process that attaches with
     * {@code track=True} answers for the block, which goes when it exits (even though its maker
     * still maps it, as in Python).
     */
    @Test
    void aProcessThatAttachesTrackedRemovesTheBlockWhenItExits() throws Exception {
        withBlock("tracked", (name, block) -> {
            runs(new ChildProcess(SharedMemoryTrackTest::attachesAndExits, name, true));
            assertThat(Files.exists(SHM.resolve(name))).as("removed with the child that tracked it").isFalse();
            assertThat(block.buf().get(ValueLayout.JAVA_BYTE, 0)).as("the maker's mapping stays").isEqualTo((byte) 7);
            assertThatThrownBy(() -> SharedMemory.attach(name)).isInstanceOf(NoSuchFileException.class);
        });
    }

    static void killsItself(String name) throws Exception {
        SharedMemory.attach(name, true);
        new ProcessBuilder("kill", "-KILL", Long.toString(ProcessHandle.current().pid())).start();
        Thread.sleep(Long.MAX_VALUE);
    }

    /** The tracking holds when the tracking process is killed: the tracker's sweep removes the block. */
    @Test
    void aTrackingProcessKilledStillTakesTheBlockWithIt() throws Exception {
        withBlock("killed", (name, block) -> {
            ChildProcess child = new ChildProcess(SharedMemoryTrackTest::killsItself, name);
            child.start();
            child.join();
            assertThat(child.exitCode()).isEqualTo(-9);
            Deadlines.await("the killed child's block is removed", Deadlines.CHILD, () -> !Files.exists(SHM.resolve(name)));
        });
    }

    @Test
    void aTrackedBlockUnlinkedHereIsNoLongerTrackedAndSaysSo() throws Exception {
        String name = uniqueName("made-here");
        SharedMemory block = SharedMemory.create(name, 64, true);
        assertThat(block.toString()).contains(name).contains("size=64").contains(", tracked");
        try (SharedMemory attached = SharedMemory.attach(name)) {
            assertThat(attached.toString()).doesNotContain(", tracked");
        }
        block.close();
        block.unlink();
        assertThat(Files.exists(SHM.resolve(name))).isFalse();
        assertThatThrownBy(() -> SharedMemory.attach(uniqueName("absent"), true)).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> SharedMemory.attach("../x", true)).isInstanceOf(IllegalArgumentException.class);
    }

    static void uses(SharedMemory block) {
        block.buf();
    }

    static void receives(Queue<Object> queue) throws Exception {
        queue.take();
    }

    /**
     * CPython's {@code test_shared_memory_pickle_unpickle_dead_object}: a block, or a list, sent
     * after its unlink fails where it arrives (Python's {@code FileNotFoundError}).
     */
    @Test
    void aBlockOrListSentAfterItsUnlinkFailsOnArrival() throws Exception {
        SharedMemory block = SharedMemory.create(64);
        block.unlink();
        ChildProcess child = new ChildProcess(SharedMemoryTrackTest::uses, block);
        child.start();
        child.join();
        assertThat(child.exitCode()).isEqualTo(1);
        assertThat(child.failure()).get().satisfies(failure -> assertThat(causes(failure))
                .anyMatch(NoSuchFileException.class::isInstance));
        block.close();

        ShareableList list = ShareableList.of(1, "a");
        list.shm().unlink();
        Queue<Object> queue = Context.processes().queue();
        ChildProcess receiver = new ChildProcess(SharedMemoryTrackTest::receives, queue);
        receiver.start();
        queue.put(list);
        receiver.join();
        assertThat(receiver.exitCode()).isEqualTo(1);
        assertThat(receiver.failure()).get().satisfies(failure -> assertThat(causes(failure))
                .anyMatch(NoSuchFileException.class::isInstance));
        list.shm().close();
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    /**
     * CPython's {@code test_shared_memory_ShareableList_basics}: an item may change its kind —
     * an int's slot takes a string that fits (8 bytes), a string's slot takes a number — and a
     * string longer than the slot is refused (Python's {@code ValueError}).
     */
    @Test
    void aShareableListItemChangesItsKindWithinItsSlot() {
        ShareableList list = ShareableList.create(Arrays.asList(1, "howdy, world", 2.5, null, new byte[] {1}));
        try {
            list.set(0, "eight b.");
            assertThat(list.get(0)).isEqualTo("eight b.");
            assertThatThrownBy(() -> list.set(0, "nine byte")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at most 8 bytes");
            list.set(1, 42L);
            assertThat(list.get(1)).isEqualTo(42L);
            list.set(1, "sixteen bytes ok");
            assertThat(list.get(1)).as("its slot kept the string's 16 bytes").isEqualTo("sixteen bytes ok");
            list.set(2, new byte[] {9, 8});
            assertThat((byte[]) list.get(2)).containsExactly(9, 8);
            list.set(3, true);
            list.set(4, "x");
            assertThat(list.subList(3, 5)).containsExactly(true, "x");
            assertThatThrownBy(() -> list.set(4, List.of())).isInstanceOf(IllegalArgumentException.class);
            ShareableList again = ShareableList.attach(list.shm().name());
            assertThat(again.get(1)).isEqualTo("sixteen bytes ok");
            again.shm().close();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            list.shm().close();
            list.shm().unlink();
        }
    }
}
