package dev.spindle.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.function.CheckedBiConsumer;
import dev.spindle.function.CheckedConsumer;
import dev.spindle.internal.codec.Codec;
import dev.spindle.multiprocessing.ChildProcess;
import java.io.Serial;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** How a process travels to its child: as a list of plain values when it can, else as itself. */
class ProcessWireFormTest {
    static final List<String> SEEN = new CopyOnWriteArrayList<>();

    static void record(String what, Integer times) {
        SEEN.add(what + "×" + times);
    }

    /** What ChildProcess.start sends: the compact form of a plain process if there is one, else the process. */
    private static ChildProcess travel(ChildProcess process, Object target) {
        Codec codec = Codec.get();
        byte[] plain = process.getClass() == ChildProcess.class ? compact(process, target) : null;
        return ProcessForm.processFrom(codec.decode(plain != null ? plain : codec.encode(process)));
    }

    private static byte[] compact(ChildProcess process, Object target) {
        return ProcessForm.encodePlainly(process.name(), process.isDaemon(), target, process.args());
    }

    @Test
    @SuppressWarnings("serial") // a test method reference, meant to travel
    void aPlainProcessWithALambdaAndPlainArgumentsTravelsAsPlainValuesAndArrivesWhole() throws Exception {
        CheckedBiConsumer<String, Integer> target = ProcessWireFormTest::record;
        ChildProcess process = new ChildProcess(target, "tea", 3).name("brewer").daemon(true);
        assertThat(compact(process, target)).as("encoded as plain values").isNotNull();

        ChildProcess arrived = travel(process, target);
        assertThat(arrived.name()).isEqualTo("brewer");
        assertThat(arrived.isDaemon()).isTrue();
        assertThat(arrived.args()).containsExactly("tea", 3);
        SEEN.clear();
        arrived.run();
        assertThat(SEEN).containsExactly("tea×3");
    }

    @Test
    void anArgumentTheFastPathCannotCarrySendsTheProcessItself() {
        CheckedConsumer<Path> target = p -> p.toString();
        ChildProcess process = new ChildProcess(target, Path.of("/tmp"));
        assertThat(compact(process, target)).as("sent as itself").isNull();
        assertThat(travel(process, target).args()).containsExactly(Path.of("/tmp"));
    }

    static final class Counting extends ChildProcess {
        @Serial
        private static final long serialVersionUID = 1L;
        final ArrayList<Integer> counts = new ArrayList<>(List.of(1, 2));

        Counting() {
            super("x");
        }
    }

    @Test
    void aSubclassTravelsAsItselfWithItsFields() {
        Counting process = new Counting();
        ChildProcess arrived = travel(process, null);
        assertThat(arrived).isInstanceOf(Counting.class);
        assertThat(((Counting) arrived).counts).containsExactly(1, 2);
        assertThat(arrived.args()).containsExactly("x");
    }
}
