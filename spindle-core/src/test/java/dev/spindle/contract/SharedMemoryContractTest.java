package dev.spindle.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.Context;
import dev.spindle.SerializationException;
import dev.spindle.multiprocessing.BaseProcess;
import dev.spindle.multiprocessing.SharedMemory;
import dev.spindle.multiprocessing.StartMethod;
import dev.spindle.testing.NoLeaks;
import java.lang.foreign.ValueLayout;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Shared memory as every context makes it: zero-filled, written by a process of the context, read here. */
@ExtendWith(NoLeaks.class)
class SharedMemoryContractTest {
    static Stream<Context> contexts() {
        return Stream.of(Context.processes(StartMethod.SPAWN), Context.processes(StartMethod.WARM), Context.threads(),
                Context.virtualThreads());
    }

    static void fill(SharedMemory block, Long value) {
        block.buf().set(ValueLayout.JAVA_LONG, 8, value);
        block.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    @SuppressWarnings("serial") // a method reference of this test, meant to travel
    void aProcessOfTheContextWritesWhatThisOneReads(Context ctx) throws Exception {
        SharedMemory block = ctx.sharedMemory(64);
        try {
            assertThat(block.size()).isEqualTo(64);
            assertThat(block.name()).isNotBlank();
            assertThat(block.buf().get(ValueLayout.JAVA_LONG, 8)).as("zero-filled").isZero();
            if (ctx.kind() == Context.Kind.PROCESSES) {
                BaseProcess writer = ctx.process(SharedMemoryContractTest::fill, block, 42L);
                writer.start();
                writer.join();
                assertThat(writer.exitCode()).isZero();
                assertThat(block.buffer().getLong(8)).isEqualTo(42L);
            } else {
                // a thread's close() would end every thread's use of the one block: write in place
                block.buf().set(ValueLayout.JAVA_LONG, 8, 42L);
                assertThat(block.buffer().getLong(8)).isEqualTo(42L);
            }
        } finally {
            block.close();
            block.unlink();
        }
        assertThatThrownBy(block::buf).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void aSizeThatIsNotPositiveIsRefused(Context ctx) {
        assertThatThrownBy(() -> ctx.sharedMemory(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @SuppressWarnings("serial")
    void aThreadsBlockCannotCrossIntoAChildJvm() {
        SharedMemory block = Context.threads().sharedMemory(8);
        BaseProcess child = Context.processes().process(SharedMemoryContractTest::fill, block, 1L);
        assertThatThrownBy(child::start).isInstanceOf(SerializationException.class)
                .hasMessageContaining("SharedMemory made by a threads context");
    }
}
