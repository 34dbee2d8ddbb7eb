package dev.spindle.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Python's generator semantics: next/send/throw/close, states, yield from, and the iterator views. */
class GeneratorTest {
    /** Python's calc_avg: a running average fed with send(). */
    static Generator<Double, Double> runningAverage() {
        return Generator.of(y -> {
            double total = 0;
            int count = 0;
            Double mean = null;
            while (true) {
                total += y.yield(mean);
                mean = total / ++count;
            }
        });
    }

    static Generator<Integer, Void> fib(int n) {
        return Generator.of(y -> {
            int a = 0, b = 1;
            for (int i = 0; i < n; i++) {
                int next = a + b;
                a = b;
                b = next;
                y.yield(a);
            }
        });
    }

    @Test
    void sendFeedsTheValueOfYieldAndReturnsTheNextYieldedValue() {
        Generator<Double, Double> avg = runningAverage();
        assertThat(avg.next()).isNull();
        assertThat(avg.send(10.0)).isEqualTo(10.0);
        assertThat(avg.send(20.0)).isEqualTo(15.0);
        assertThat(avg.send(30.0)).isEqualTo(20.0);
    }

    @Test
    void statesGoFromCreatedToSuspendedToClosedAndAreRunningInsideTheBody() {
        AtomicReference<Generator<String, Void>> self = new AtomicReference<>();
        List<String> finallyRan = new ArrayList<>();
        Generator<String, Void> gen = Generator.of(y -> {
            try {
                while (true) {
                    y.yield(self.get().state().name());
                }
            } finally {
                finallyRan.add("finally");
            }
        });
        self.set(gen);
        assertThat(gen.state()).isEqualTo(GeneratorState.GEN_CREATED);
        assertThat(gen.next()).isEqualTo("GEN_RUNNING");
        assertThat(gen.state()).isEqualTo(GeneratorState.GEN_SUSPENDED);
        gen.close();
        assertThat(gen.state()).isEqualTo(GeneratorState.GEN_CLOSED);
        assertThat(finallyRan).containsExactly("finally");
        gen.close(); // closing again does nothing
        assertThat(finallyRan).hasSize(1);
    }

    @Test
    void sendingAValueToAJustCreatedGeneratorIsAnErrorThatLeavesItCreated() {
        Generator<Double, Double> avg = runningAverage();
        assertThatThrownBy(() -> avg.send(10.0)).isInstanceOf(IllegalStateException.class)
                .hasMessage("can't send non-None value to a just-started generator");
        assertThat(avg.state()).isEqualTo(GeneratorState.GEN_CREATED);
        assertThat(avg.send(null)).isNull();
        assertThat(avg.send(4.0)).isEqualTo(4.0);
    }

    @Test
    void nextOnAClosedOrFinishedGeneratorThrowsStopIteration() {
        Generator<Double, Double> avg = runningAverage();
        avg.next();
        avg.close();
        assertThatThrownBy(avg::next).isInstanceOf(StopIteration.class).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> avg.send(1.0)).isInstanceOf(StopIteration.class);

        Generator<Integer, Void> one = fib(1);
        assertThat(one.next()).isEqualTo(1);
        assertThatThrownBy(one::next).isInstanceOf(StopIteration.class);
        assertThat(one.state()).isEqualTo(GeneratorState.GEN_CLOSED);
        assertThatThrownBy(one::next).isInstanceOf(StopIteration.class);
    }

    @Test
    void aBodyThatThrowsHandsItsExceptionToTheCallerAndIsClosed() {
        IllegalArgumentException boom = new IllegalArgumentException("boom");
        Generator<Integer, Void> gen = Generator.of(y -> {
            y.yield(1);
            throw boom;
        });
        assertThat(gen.next()).isEqualTo(1);
        assertThatThrownBy(gen::next).isSameAs(boom);
        assertThat(gen.state()).isEqualTo(GeneratorState.GEN_CLOSED);
        assertThatThrownBy(gen::next).isInstanceOf(StopIteration.class);

        IOException checked = new IOException("disk");
        Generator<Integer, Void> io = Generator.of(y -> {
            throw checked;
        });
        assertThatThrownBy(io::next).isInstanceOf(UndeclaredThrowableException.class).hasCause(checked);
    }

    @Test
    void aStopIterationEscapingTheBodyBecomesAnError() {
        Generator<Integer, Void> empty = fib(0);
        Generator<Integer, Void> gen = Generator.of(y -> y.yield(empty.next()));
        assertThatThrownBy(gen::next).isInstanceOf(IllegalStateException.class)
                .hasMessage("generator raised StopIteration").hasCauseInstanceOf(StopIteration.class);
    }

    @Test
    void throwInRaisesAtTheYieldWhereTheBodyWaits() {
        Generator<String, Void> gen = Generator.of(y -> {
            while (true) {
                try {
                    y.yield("waiting");
                } catch (IllegalStateException caught) {
                    y.yield("caught " + caught.getMessage());
                }
            }
        });
        gen.next();
        assertThat(gen.throwIn(new IllegalStateException("x"))).isEqualTo("caught x");
        IllegalArgumentException uncaught = new IllegalArgumentException("y");
        gen.next();
        assertThatThrownBy(() -> gen.throwIn(uncaught)).isSameAs(uncaught);
        assertThat(gen.state()).isEqualTo(GeneratorState.GEN_CLOSED);

        Generator<Integer, Void> fresh = fib(3);
        RuntimeException early = new RuntimeException("early");
        assertThatThrownBy(() -> fresh.throwIn(early)).isSameAs(early);
        assertThat(fresh.state()).isEqualTo(GeneratorState.GEN_CLOSED);
    }

    @Test
    void aBodyThatYieldsWhenClosedIsReported() {
        Generator<Integer, Void> stubborn = Generator.of(y -> {
            while (true) {
                try {
                    y.yield(1);
                } catch (GeneratorExit ignored) {
                    y.yield(2);
                }
            }
        });
        stubborn.next();
        assertThatThrownBy(stubborn::close).isInstanceOf(IllegalStateException.class).hasMessage("generator ignored GeneratorExit");
        assertThat(stubborn.state()).isEqualTo(GeneratorState.GEN_SUSPENDED);
    }

    @Test
    void aGeneratorResumedFromItsOwnBodyIsAlreadyExecuting() {
        AtomicReference<Generator<Integer, Void>> self = new AtomicReference<>();
        Generator<Integer, Void> gen = Generator.of(y -> y.yield(self.get().next()));
        self.set(gen);
        assertThatThrownBy(gen::next).isInstanceOf(IllegalStateException.class).hasMessage("generator already executing");
    }

    @Test
    void yieldOutsideTheBodysThreadIsRefused() {
        AtomicReference<Yielder<Integer, Void>> leaked = new AtomicReference<>();
        Generator<Integer, Void> gen = Generator.of(y -> {
            leaked.set(y);
            y.yield(1);
        });
        gen.next();
        assertThatThrownBy(() -> leaked.get().yield(2)).isInstanceOf(IllegalStateException.class);
        gen.close();
    }

    @Test
    void yieldFromDelegatesValuesSendsThrowsAndClose() {
        List<String> log = new ArrayList<>();
        Generator<String, String> inner = Generator.of(y -> {
            try {
                String got = y.yield("inner ready");
                while (true) {
                    try {
                        got = y.yield("inner got " + got);
                    } catch (IllegalArgumentException e) {
                        got = y.yield("inner caught " + e.getMessage());
                    }
                }
            } finally {
                log.add("inner finally");
            }
        });
        Generator<String, String> outer = Generator.of(y -> {
            y.yield("outer first");
            y.yieldFrom(inner);
        });
        assertThat(outer.next()).isEqualTo("outer first");
        assertThat(outer.next()).isEqualTo("inner ready");
        assertThat(outer.send("a")).isEqualTo("inner got a");
        assertThat(outer.throwIn(new IllegalArgumentException("b"))).isEqualTo("inner caught b");
        outer.close();
        assertThat(log).containsExactly("inner finally");
        assertThat(inner.state()).isEqualTo(GeneratorState.GEN_CLOSED);

        Generator<Integer, Void> chained = Generator.of(y -> {
            y.yieldFrom(fib(3));
            y.yieldFrom(List.of(7, 8));
        });
        assertThat(chained.stream().toList()).containsExactly(1, 1, 2, 7, 8);
    }

    @Test
    void aGeneratorIsAnIterableIteratorAndStream() {
        List<Integer> values = new ArrayList<>();
        for (int x : fib(10)) {
            values.add(x);
        }
        assertThat(values).containsExactly(1, 1, 2, 3, 5, 8, 13, 21, 34, 55);

        Generator<Integer, Void> gen = fib(3);
        assertThat(gen.hasNext()).isTrue();
        assertThat(gen.hasNext()).as("hasNext does not consume").isTrue();
        assertThatThrownBy(() -> gen.send(null)).isInstanceOf(IllegalStateException.class);
        assertThat(gen.next()).isEqualTo(1);
        assertThat(gen.iterator()).isSameAs(gen);
        assertThat(gen.stream().map(x -> x * 10).toList()).containsExactly(10, 20);
        assertThat(gen.hasNext()).isFalse();

        Generator<Integer, Void> closedByStream = fib(100);
        try (var stream = closedByStream.stream()) {
            assertThat(stream.limit(2).toList()).containsExactly(1, 1);
        }
        assertThat(closedByStream.state()).isEqualTo(GeneratorState.GEN_CLOSED);
    }
}
