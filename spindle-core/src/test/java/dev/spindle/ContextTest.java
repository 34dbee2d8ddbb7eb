package dev.spindle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.futures.PoolExecutor;
import dev.spindle.futures.ProcessPoolExecutor;
import dev.spindle.futures.ThreadPoolExecutor;
import dev.spindle.multiprocessing.Pool;
import dev.spindle.multiprocessing.StartMethod;
import dev.spindle.multiprocessing.TypeCode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A context fixes where its pools and executors run; nothing it makes ends up elsewhere. */
class ContextTest {
    @Test
    void eachStartMethodHasItsContextAndTheDefaultIsOnlyTheDefaultContexts() {
        assertThat(Context.processes(StartMethod.WARM).startMethod()).contains(StartMethod.WARM);
        assertThat(Context.processes(StartMethod.SPAWN)).isSameAs(Context.processes(StartMethod.SPAWN));
        assertThat(Context.threads().startMethod()).isEmpty();
        assertThat(Context.virtualThreads().kind()).isEqualTo(Context.Kind.VIRTUAL_THREADS);
        StartMethod before = Spindle.getStartMethod();
        try {
            Spindle.setStartMethod(StartMethod.WARM);
            assertThat(Context.processes().startMethod()).contains(StartMethod.WARM);
            assertThat(Pool.builder().context()).isEqualTo(Context.processes(StartMethod.WARM));
            assertThat(Context.processes(StartMethod.SPAWN).startMethod()).as("a chosen context keeps its method").contains(StartMethod.SPAWN);
        } finally {
            Spindle.setStartMethod(before);
        }
        assertThat(Context.processes(StartMethod.WARM)).hasToString("Context.processes(WARM)");
    }

    @Test
    void aThreadPoolExecutorRefusesAProcessBuilderAndTheOtherWayRound() {
        assertThatThrownBy(() -> new ThreadPoolExecutor(Pool.builder()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ThreadPoolExecutor cannot run on Context.processes(");
        assertThatThrownBy(() -> new ProcessPoolExecutor(Context.threads().poolBuilder(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Context.threads()");
    }

    @Test
    void threadBuildersRefuseProcessOnlySettings() {
        Pool.Builder builder = Context.threads().poolBuilder(2);
        assertThatThrownBy(() -> builder.startMethod(StartMethod.WARM))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("startMethod is for worker processes");
        assertThatThrownBy(() -> builder.jvmOptions("-Xmx64m")).isInstanceOf(IllegalStateException.class);
        assertThat(builder.context()).isEqualTo(Context.threads());
    }

    @Test
    void aStartMethodOnAProcessBuilderMovesItToThatContext() {
        Pool.Builder builder = Context.processes(StartMethod.SPAWN).poolBuilder(1).startMethod(StartMethod.WARM);
        assertThat(builder.context()).isEqualTo(Context.processes(StartMethod.WARM));
    }

    @Test
    void threadContextsRunTasksInThisJvmAndProcessContextsInChildren() throws Exception {
        long self = ProcessHandle.current().pid();
        for (Context ctx : List.of(Context.threads(), Context.virtualThreads())) {
            try (PoolExecutor executor = ctx.executor(2)) {
                assertThat(executor).isInstanceOf(ThreadPoolExecutor.class);
                assertThat(executor.submit(() -> ProcessHandle.current().pid()).get()).as(ctx.toString()).isEqualTo(self);
            }
        }
        try (PoolExecutor executor = Context.processes(StartMethod.SPAWN).executor(1)) {
            assertThat(executor).isInstanceOf(ProcessPoolExecutor.class);
            assertThat(executor.submit(() -> ProcessHandle.current().pid()).get()).isNotEqualTo(self);
        }
    }

    @Test
    void threadContextsNeedNoWarmUp() throws InterruptedException {
        assertThat(Context.threads().warmUp(Duration.ZERO)).isTrue();
    }

    @Test
    void anObjectOfAThreadsContextRefusedByAProcessSaysWhichContextToMakeItWith() {
        Context threads = Context.threads();
        List<Object> inProcess = List.of(threads.lock(), threads.rlock(), threads.semaphore(1), threads.event(),
                threads.condition(), threads.barrier(2), threads.queue(), threads.joinableQueue(), threads.simpleQueue(),
                threads.value(TypeCode.INT, 1), threads.array(TypeCode.INT, 2));
        List<String> faces = List.of("Lock", "RLock", "Semaphore", "Event", "Condition", "Barrier", "Queue", "JoinableQueue",
                "SimpleQueue", "Value", "Array");
        try (Pool pool = Pool.of(1)) {
            for (int i = 0; i < inProcess.size(); i++) {
                Object object = inProcess.get(i);
                assertThatThrownBy(() -> pool.applyAsync(ContextTest::identity, object))
                        .isInstanceOf(SerializationException.class)
                        .hasMessageContaining(" " + faces.get(i) + " made by a threads context")
                        .hasMessageContaining("cannot cross into another process")
                        .hasMessageContaining("Context.processes()")
                        .hasMessageNotContaining("internal");
            }
        }
    }

    static Object identity(Object value) {
        return value;
    }
}
