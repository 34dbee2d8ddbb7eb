package dev.spindle.multiprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.Context;
import dev.spindle.Spindle;
import dev.spindle.queue.Queue;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link Spindle#setWarmPreload}: classes an idle WARM child initializes before its target
 * (Python's {@code set_forkserver_preload}, whose effect CPython checks by a preloaded module's
 * side effect being there when the target runs).
 */
@ExtendWith(NoLeaks.class)
@SuppressWarnings("serial") // the targets are serializable method references
class WarmPreloadTest {
    static final String MARK = "spindle.test.preloaded";

    @AfterEach
    void noPreload() {
        Spindle.setWarmPreload(List.of());
    }

    @AfterAll
    static void dropShared() throws InterruptedException {
        NoLeaks.awaitUnreachableSegmentsRemoved();
    }

    /** Reports the mark as the target finds it, without touching the preloaded class. */
    static void reportsTheMark(Queue<Object> reports) throws InterruptedException {
        reports.put(Optional.ofNullable(System.getProperty(MARK)).orElse("none"));
    }

    private static Object markSeenBy(StartMethod method) throws Exception {
        Queue<Object> reports = Context.processes().queue();
        ChildProcess child = new ChildProcess(WarmPreloadTest::reportsTheMark, reports).startMethod(method);
        child.start();
        Object mark = reports.get(Deadlines.CHILD);
        child.join();
        assertThat(child.exitCode()).isZero();
        return mark;
    }

    @Test
    void aWarmChildHasInitializedThePreloadedClassesBeforeItsTarget() throws Exception {
        assertThat(markSeenBy(StartMethod.WARM)).as("without preload").isEqualTo("none");
        Spindle.setWarmPreload(List.of(PreloadedOnWarm.class.getName()));
        assertThat(Spindle.getWarmPreload()).containsExactly(PreloadedOnWarm.class.getName());
        assertThat(System.getProperty(MARK)).as("checked here without initializing it").isNull();
        assertThat(markSeenBy(StartMethod.WARM)).isEqualTo("initialized before the target");
        assertThat(markSeenBy(StartMethod.WARM)).as("the refilled idle child too").isEqualTo("initialized before the target");
        assertThat(markSeenBy(StartMethod.SPAWN)).as("a preload is the WARM method's").isEqualTo("none");
        Spindle.setWarmPreload(List.of());
        assertThat(markSeenBy(StartMethod.WARM)).as("dropped with the preload").isEqualTo("none");
    }

    @Test
    void aClassNotOnTheClassPathIsRefused() {
        assertThatThrownBy(() -> Spindle.setWarmPreload(List.of("no.such.Preload")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no.such.Preload");
        assertThat(Spindle.getWarmPreload()).isEmpty();
    }
}
