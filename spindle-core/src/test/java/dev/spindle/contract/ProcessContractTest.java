package dev.spindle.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.Context;
import dev.spindle.multiprocessing.BaseProcess;
import dev.spindle.multiprocessing.StartMethod;
import dev.spindle.queue.Queue;
import dev.spindle.sync.Event;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A process as every context makes it — child JVMs started each way, platform and virtual
 * threads — keeps one contract: the same program runs on each by changing the context.
 */
@ExtendWith(NoLeaks.class)
class ProcessContractTest {
    static Stream<Context> contexts() {
        return Stream.of(Context.processes(StartMethod.SPAWN), Context.processes(StartMethod.WARM), Context.threads(),
                Context.virtualThreads());
    }

    @AfterAll
    static void dropSharedPrimitives() throws InterruptedException {
        NoLeaks.awaitUnreachableSegmentsRemoved();
    }

    static boolean isThreads(Context ctx) {
        return ctx.kind() != Context.Kind.PROCESSES;
    }

    static void tellNone(Queue<Object> out) throws InterruptedException {
        out.put("none");
    }

    static void tell(Queue<Object> out, String what) throws InterruptedException {
        out.put(what);
    }

    static void sum(Queue<Object> out, Integer a, Integer b, Integer c, Integer d, Integer e) throws InterruptedException {
        out.put(a + b + c + d + e);
    }

    static void waitFor(Event gate) throws InterruptedException {
        if (!gate.await(Deadlines.CHILD)) {
            throw new IllegalStateException("the gate was not opened");
        }
    }

    static void fail(String message) {
        throw new IllegalArgumentException(message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    @SuppressWarnings("serial") // method references of this test, meant to travel
    void runsItsTargetWithEachNumberOfArguments(Context ctx) throws Exception {
        Queue<Object> out = ctx.queue();
        List<BaseProcess> processes = new ArrayList<>(List.of(
                ctx.process(ProcessContractTest::tellNone, out),
                ctx.process(ProcessContractTest::tell, out, "two"),
                ctx.process(ProcessContractTest::sum, out, 1, 2, 3, 4, 5)));
        for (BaseProcess p : processes) {
            p.start();
        }
        for (BaseProcess p : processes) {
            p.join();
            assertThat(p.exitCode()).isZero();
            assertThat(p.failure()).isEmpty();
            assertThat(p.isAlive()).isFalse();
        }
        List<Object> told = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            told.add(out.get(Deadlines.CHILD));
        }
        assertThat(told).containsExactlyInAnyOrder("none", "two", 15);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    @SuppressWarnings("serial")
    void aTargetThatThrowsEndsWithCodeOneAndItsException(Context ctx) throws Exception {
        BaseProcess p = ctx.process(ProcessContractTest::fail, "no tea");
        p.start();
        p.join();
        assertThat(p.exitCode()).isEqualTo(1);
        assertThat(p.failure()).get().isInstanceOf(IllegalArgumentException.class)
                .extracting(Throwable::getMessage).isEqualTo("no tea");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    @SuppressWarnings("serial")
    void followsPythonsLifecycle(Context ctx) throws Exception {
        Event gate = ctx.event();
        BaseProcess p = ctx.process(ProcessContractTest::waitFor, gate).name("kettle").daemon(true);
        assertThat(p.name()).isEqualTo("kettle");
        assertThat(p.isDaemon()).isTrue();
        assertThat(p.exitCode()).as("before the start").isNull();
        assertThat(p.isAlive()).isFalse();
        assertThatThrownBy(p::join).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(p::onExit).isInstanceOf(IllegalStateException.class);

        p.start();
        assertThatThrownBy(p::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("only be started once");
        assertThatThrownBy(() -> p.daemon(false)).isInstanceOf(IllegalStateException.class);
        assertThat(p.isAlive()).isTrue();
        assertThat(p.exitCode()).as("while running").isNull();
        assertThat(p.join(Duration.ZERO)).as("a join that times out").isFalse();
        assertThat(ctx.activeChildren()).contains(p);
        assertThat(p.pid()).isPositive();
        p.name("pot");
        assertThat(p.name()).isEqualTo("pot");

        gate.set();
        BaseProcess ended = p.onExit().get(Deadlines.CHILD.toSeconds(), TimeUnit.SECONDS);
        assertThat(ended).isSameAs(p);
        assertThat(p.join(Deadlines.CHILD)).isTrue();
        assertThat(p.exitCode()).isZero();
        assertThat(ctx.activeChildren()).doesNotContain(p);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    @SuppressWarnings("serial")
    void terminateAndKillEndAChildJvmButRefuseAThread(Context ctx) throws Exception {
        Event gate = ctx.event();
        BaseProcess first = ctx.process(ProcessContractTest::waitFor, gate);
        BaseProcess second = ctx.process(ProcessContractTest::waitFor, gate);
        first.start();
        second.start();
        if (isThreads(ctx)) {
            assertThatThrownBy(first::terminate).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("cannot be terminated");
            assertThatThrownBy(second::kill).isInstanceOf(UnsupportedOperationException.class);
            assertThat(first.isAlive()).isTrue();
            gate.set();
            first.join();
            second.join();
            assertThat(first.exitCode()).isZero();
        } else {
            first.terminate();
            second.kill();
            first.join();
            second.join();
            assertThat(first.exitCode()).isEqualTo(-15);
            assertThat(second.exitCode()).isEqualTo(-9);
        }
    }

    /**
     * CPython's {@code _TestProcess.test_interrupt} and {@code test_interrupt_no_handler}: a child
     * JVM ends with -2, as a Python child without a SIGINT handler; a thread is interrupted, and
     * its target's InterruptedException ends it with 1, as KeyboardInterrupt ends a Python child.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    @SuppressWarnings("serial")
    void interruptEndsAChildJvmWithMinusTwoAndInterruptsAThread(Context ctx) throws Exception {
        Event gate = ctx.event();
        BaseProcess p = ctx.process(ProcessContractTest::waitFor, gate);
        assertThatThrownBy(p::interrupt).isInstanceOf(IllegalStateException.class);
        p.start();
        p.interrupt();
        p.join();
        if (isThreads(ctx)) {
            assertThat(p.exitCode()).isEqualTo(1);
            assertThat(p.failure()).containsInstanceOf(InterruptedException.class);
        } else {
            assertThat(p.exitCode()).isEqualTo(-2);
        }
        p.interrupt(); // ended: nothing happens
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    @SuppressWarnings("serial")
    void runCalledDirectlyRunsTheTargetInTheCaller(Context ctx) throws Exception {
        Queue<Object> out = ctx.queue();
        ctx.process(ProcessContractTest::tell, out, "here").run();
        assertThat(out.get(Deadlines.PROMPT)).isEqualTo("here");
    }
}
