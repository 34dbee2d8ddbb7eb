package dev.spindle.multiprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.Context;
import dev.spindle.queue.Queue;
import dev.spindle.testing.NoLeaks;
import java.lang.foreign.ValueLayout;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Shared memory blocks and shareable lists: made, attached, passed to children, closed and unlinked. */
@ExtendWith(NoLeaks.class)
@SuppressWarnings("serial") // the targets are serializable method references
class SharedMemoryTest {
    @AfterAll
    static void dropQueues() throws InterruptedException {
        NoLeaks.awaitUnreachableSegmentsRemoved();
    }

    private static String uniqueName(String what) {
        return "psm_spindle_test_" + what + "_" + ProcessHandle.current().pid();
    }

    static void doublesTheFirstLong(SharedMemory block) {
        block.buf().set(ValueLayout.JAVA_LONG, 0, block.buf().get(ValueLayout.JAVA_LONG, 0) * 2);
        block.close();
    }

    static void writesThroughTheName(String name) throws Exception {
        try (SharedMemory block = SharedMemory.attach(name)) {
            block.buffer().put(8, (byte) 42);
        }
    }

    @Test
    void aChildChangesABlockPassedToItOrAttachedByName() throws Exception {
        try (SharedMemory block = SharedMemory.create(64)) {
            assertThat(block.size()).isEqualTo(64);
            block.buf().set(ValueLayout.JAVA_LONG, 0, 21);
            ChildProcess passed = new ChildProcess(SharedMemoryTest::doublesTheFirstLong, block);
            passed.start();
            passed.join();
            assertThat(passed.exitCode()).isZero();
            assertThat(block.buf().get(ValueLayout.JAVA_LONG, 0)).isEqualTo(42);
            ChildProcess byName = new ChildProcess(SharedMemoryTest::writesThroughTheName, block.name());
            byName.start();
            byName.join();
            assertThat(block.buf().get(ValueLayout.JAVA_BYTE, 8)).isEqualTo((byte) 42);
            block.unlink();
            assertThatThrownBy(() -> SharedMemory.attach(block.name())).isInstanceOf(NoSuchFileException.class);
            assertThat(block.buf().get(ValueLayout.JAVA_LONG, 0)).as("the mapping outlives the name").isEqualTo(42);
        }
    }

    static void makesANamedBlockAndExits(String name) throws Exception {
        SharedMemory block = SharedMemory.create(name, 16);
        block.buf().set(ValueLayout.JAVA_INT, 0, 7);
        block.close();
    }

    static void makesAnUnnamedBlockAndExits(Queue<String> names) throws Exception {
        SharedMemory block = SharedMemory.create(16);
        names.put(block.name());
    }

    @Test
    void aNamedBlockOutlivesItsMakerUntilUnlinkedAndAnUnnamedOneGoesWithIt() throws Exception {
        String name = uniqueName("named");
        ChildProcess maker = new ChildProcess(SharedMemoryTest::makesANamedBlockAndExits, name);
        maker.start();
        maker.join();
        assertThat(maker.exitCode()).isZero();
        try (SharedMemory block = SharedMemory.attach(name)) {
            assertThat(block.buf().get(ValueLayout.JAVA_INT, 0)).isEqualTo(7);
            assertThatThrownBy(() -> SharedMemory.create(name, 16)).isInstanceOf(FileAlreadyExistsException.class);
            block.unlink();
            block.unlink();
        }
        assertThatThrownBy(() -> SharedMemory.attach(name)).isInstanceOf(NoSuchFileException.class);

        Queue<String> names = Context.processes().queue();
        ChildProcess unnamed = new ChildProcess(SharedMemoryTest::makesAnUnnamedBlockAndExits, names);
        unnamed.start();
        String unnamedName = names.get();
        unnamed.join();
        assertThatThrownBy(() -> SharedMemory.attach(unnamedName)).as("removed with its maker")
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void badNamesAndSizesAndAClosedBlockAreRefused() throws Exception {
        assertThatThrownBy(() -> SharedMemory.attach("../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SharedMemory.create("a/b", 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SharedMemory.create(0)).isInstanceOf(IllegalArgumentException.class);
        SharedMemory block = SharedMemory.create(8);
        block.close();
        block.close();
        assertThatThrownBy(block::buf).isInstanceOf(IllegalStateException.class);
        block.unlink();
    }

    static void editsTheList(ShareableList list) {
        list.set(0, (Integer) list.get(0) + 1);
        list.set(2, "hi");
        list.set(4, null);
    }

    @Test
    void aShareableListKeepsItsItemsTypesAndSlotSizesAcrossProcesses() throws Exception {
        ShareableList list = ShareableList.of(1, 2L, "hello", 0.5, true, new byte[] {1, 2}, null);
        assertThat(list).hasSize(7);
        assertThat(list.subList(0, 5)).containsExactly(1, 2L, "hello", 0.5, true);
        assertThat((byte[]) list.get(5)).containsExactly(1, 2);
        assertThat(list.get(6)).isNull();
        ChildProcess child = new ChildProcess(SharedMemoryTest::editsTheList, list);
        child.start();
        child.join();
        assertThat(child.exitCode()).isZero();
        assertThat(list.subList(0, 5)).containsExactly(2, 2L, "hi", 0.5, null);
        assertThatThrownBy(() -> list.set(2, "longer than its slot")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 8 bytes");
        assertThatThrownBy(() -> list.set(0, "nine byte")).as("a number's slot holds 8 bytes of text")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 8 bytes");
        assertThatThrownBy(() -> list.add(1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> list.get(7)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> ShareableList.of(new Object())).isInstanceOf(IllegalArgumentException.class);
        assertThat(list.indexOf(0.5)).isEqualTo(3);
        ShareableList again = ShareableList.attach(list.shm().name());
        assertThat(again.get(2)).isEqualTo("hi");
        again.shm().close();
        list.shm().close();
        list.shm().unlink();
        String name = uniqueName("list");
        ShareableList named = ShareableList.create(name, Arrays.asList("a", 1));
        assertThat(ShareableList.attach(name)).containsExactlyElementsOf(List.of("a", 1));
        named.shm().unlink();
        try (SharedMemory raw = SharedMemory.create(64)) {
            assertThatThrownBy(() -> ShareableList.attach(raw.name())).isInstanceOf(java.io.IOException.class)
                    .hasMessageContaining("ShareableList");
            raw.unlink();
        }
    }

    /** CPython's {@code test_shared_memory_basics}: a block's string names it and gives its size. */
    @Test
    void aBlockShowsItsNameAndSize() {
        SharedMemory block = SharedMemory.create(4096);
        try {
            assertThat(block.toString()).contains(block.name()).contains("4096");
        } finally {
            block.close();
            block.unlink();
        }
    }

    /** CPython's {@code test_shared_memory_ShareableList_basics}, its empty list: made, read and removed. */
    @Test
    void anEmptyShareableListCanBeMadeReadAndUnlinked() {
        ShareableList empty = ShareableList.of();
        try {
            assertThat(empty).isEmpty();
            assertThat(empty.indexOf(null)).isEqualTo(-1);
            assertThat(empty.contains("any")).isFalse();
            assertThatThrownBy(() -> empty.get(0)).isInstanceOf(IndexOutOfBoundsException.class);
        } finally {
            empty.shm().close();
            empty.shm().unlink();
        }
    }
}
