package dev.spindle.greenlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** greenlet's semantics: explicit switches, values passed both ways, parents, dead greenlets, throw. */
class GreenletTest {
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final AtomicReference<Greenlet> gr1 = new AtomicReference<>();
    private final AtomicReference<Greenlet> gr2 = new AtomicReference<>();

    @Test
    void greenletsRunInTheOrderTheySwitchAndControlReturnsToTheParentWhenOneEnds() {
        gr1.set(new Greenlet(args -> {
            log.add("test1,first");
            gr2.get().switchTo();
            log.add("test1,sencod");
            gr2.get().switchTo();
            log.add("test1 never gets here");
            return null;
        }));
        gr2.set(new Greenlet(args -> {
            log.add("test2,first");
            gr1.get().switchTo();
            log.add("test2,sencod");
            return "test2 done";
        }));
        assertThat(gr1.get().switchTo()).isEqualTo("test2 done");
        assertThat(log).containsExactly("test1,first", "test2,first", "test1,sencod", "test2,sencod");
        assertThat(gr2.get().isDead()).isTrue();
        assertThat(gr1.get().isDead()).isFalse();
        assertThat(gr1.get().isActive()).isTrue();
        assertThat(gr1.get().throwIn()).as("GreenletExit comes back as the value").isInstanceOf(GreenletExit.class);
        assertThat(gr1.get().isDead()).isTrue();
        assertThat(log).doesNotContain("test1 never gets here");
    }

    @Test
    void argumentsOfTheFirstSwitchReachTheFunctionAndLaterOnesAreTheSwitchsValue() {
        gr1.set(new Greenlet(args -> {
            log.add(args[0] + " eat food 1");
            Object back = gr2.get().switchTo("alex");
            log.add(args[0] + " eat food 2, got " + back);
            return gr2.get().switchTo(1, 2);
        }));
        gr2.set(new Greenlet(args -> {
            log.add(args[0] + " play 1");
            Object pair = gr1.get().switchTo("from play");
            log.add(args[0] + " play 2, got " + List.of((Object[]) pair));
            return "played";
        }));
        assertThat(gr1.get().switchTo("egon")).isEqualTo("played");
        assertThat(log).containsExactly("egon eat food 1", "alex play 1", "egon eat food 2, got from play",
                "alex play 2, got [1, 2]");
    }

    @Test
    void currentIsTheRunningGreenletAndTheMainGreenletOutsideAny() {
        Greenlet main = Greenlet.current();
        assertThat(main.parent()).isNull();
        assertThat(Greenlet.current()).isSameAs(main);
        AtomicReference<Greenlet> seen = new AtomicReference<>();
        Greenlet g = new Greenlet(args -> {
            seen.set(Greenlet.current());
            return null;
        });
        assertThat(g.parent()).isSameAs(main);
        assertThat(g.isActive()).isFalse();
        g.switchTo();
        assertThat(seen.get()).isSameAs(g);
        assertThat(main.switchTo("self")).as("a switch to oneself returns at once").isEqualTo("self");
    }

    @Test
    void switchingToADeadGreenletIsAnError() {
        Greenlet done = new Greenlet(args -> "done");
        assertThat(done.switchTo()).isEqualTo("done");
        assertThat(done.isDead()).isTrue();
        assertThatThrownBy(done::switchTo).isInstanceOf(GreenletError.class).hasMessage("cannot switch to a dead greenlet");
    }

    @Test
    void aGreenletThatThrowsHandsTheExceptionToItsParent() {
        IllegalStateException boom = new IllegalStateException("boom");
        Greenlet parent = new Greenlet(args -> {
            Greenlet child = new Greenlet(a -> {
                throw boom;
            });
            try {
                child.switchTo();
                return "no exception";
            } catch (IllegalStateException e) {
                return e == boom ? "parent caught it" : "another exception";
            }
        });
        assertThat(parent.switchTo()).isEqualTo("parent caught it");

        IOException checked = new IOException("io");
        Greenlet failing = new Greenlet(args -> {
            throw checked;
        });
        assertThatThrownBy(failing::switchTo).isInstanceOf(UndeclaredThrowableException.class).hasCause(checked);
        assertThat(failing.isDead()).isTrue();
    }

    @Test
    void aDeadParentPassesTheResultToItsOwnParent() {
        Greenlet main = Greenlet.current();
        AtomicReference<Greenlet> orphan = new AtomicReference<>();
        Greenlet shortLived = new Greenlet(args -> {
            orphan.set(new Greenlet(a -> "from the orphan"));
            return "short-lived done";
        });
        assertThat(shortLived.switchTo()).isEqualTo("short-lived done");
        assertThat(orphan.get().parent()).isSameAs(shortLived);
        assertThat(orphan.get().switchTo()).isEqualTo("from the orphan");
        assertThat(Greenlet.current()).isSameAs(main);
    }

    @Test
    void throwInRaisesAtThePendingSwitchAndAGreenletNotStartedNeverRuns() {
        AtomicInteger ran = new AtomicInteger();
        Greenlet catcher = new Greenlet(args -> {
            try {
                Greenlet.current().parent().switchTo("waiting");
                return "not thrown";
            } catch (IllegalArgumentException e) {
                return "caught " + e.getMessage();
            }
        });
        assertThat(catcher.switchTo()).isEqualTo("waiting");
        assertThat(catcher.throwIn(new IllegalArgumentException("x"))).isEqualTo("caught x");

        Greenlet neverRuns = new Greenlet(args -> ran.incrementAndGet());
        RuntimeException early = new RuntimeException("early");
        assertThatThrownBy(() -> neverRuns.throwIn(early)).isSameAs(early);
        assertThat(neverRuns.isDead()).isTrue();
        assertThat(ran).hasValue(0);
    }

    @Test
    void parentsCanBeChangedButNotIntoACycle() {
        Greenlet a = new Greenlet(args -> "a");
        Greenlet b = new Greenlet(args -> "b");
        b.setParent(a);
        assertThat(b.parent()).isSameAs(a);
        assertThatThrownBy(() -> a.setParent(b)).isInstanceOf(IllegalArgumentException.class).hasMessage("cyclic parent chain");
        assertThat(b.switchTo()).as("b ends, a runs next and ends, main gets a's result").isEqualTo("a");
    }

    @Test
    void aGreenletOfAnotherThreadCannotBeSwitchedTo() throws Exception {
        Greenlet elsewhere = CompletableFuture.supplyAsync(() -> new Greenlet(args -> null), Thread::startVirtualThread).get();
        assertThatThrownBy(elsewhere::switchTo).isInstanceOf(GreenletError.class).hasMessage("cannot switch to a different thread");
    }

    @Test
    void exactlyOneGreenletOfAThreadRunsAtATime() {
        int rounds = 10_000;
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Runnable enter = () -> mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
        gr1.set(new Greenlet(args -> {
            for (int i = 0; i < rounds; i++) {
                enter.run();
                running.decrementAndGet();
                gr2.get().switchTo();
            }
            return "done";
        }));
        gr2.set(new Greenlet(args -> {
            while (true) {
                enter.run();
                running.decrementAndGet();
                gr1.get().switchTo();
            }
        }));
        gr2.get().setParent(gr1.get());
        assertThat(gr1.get().switchTo()).isEqualTo("done");
        assertThat(mostAtOnce).hasValue(1);
        gr2.get().throwIn();
    }
}
