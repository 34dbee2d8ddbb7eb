package dev.spindle.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.function.CheckedBiConsumer;
import dev.spindle.function.CheckedConsumer;
import dev.spindle.function.CheckedRunnable;
import dev.spindle.internal.codec.Codec;
import dev.spindle.multiprocessing.StartMethod;
import java.io.Serial;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** How a process spec travels to its child: as a list of plain values when it can, else as itself. */
class ProcessWireFormTest {
    static final List<String> SEEN = new CopyOnWriteArrayList<>();

    static void record(String what, Integer times) {
        SEEN.add(what + "×" + times);
    }

    /** What LaunchedProcess.start sends, decoded as ChildMain decodes it. */
    private static ProcessSpec travel(ProcessSpec spec) {
        Codec codec = Codec.get();
        byte[] plain = ProcessForm.encodePlainly(spec);
        return ProcessForm.specFrom(codec.decode(plain != null ? plain : codec.encode(spec)));
    }

    private static ProcessSpec spec(String name, boolean daemon, Serializable target, Object... arguments) {
        return new ProcessSpec(name, daemon, target, List.of(arguments), List.of("-Xmx64m"), StartMethod.SPAWN);
    }

    @Test
    @SuppressWarnings("serial") // a test method reference, meant to travel
    void aPlainTargetWithPlainArgumentsTravelsAsPlainValuesAndArrivesWhole() throws Exception {
        CheckedBiConsumer<String, Integer> target = ProcessWireFormTest::record;
        ProcessSpec spec = spec("brewer", true, target, "tea", 3);
        assertThat(ProcessForm.encodePlainly(spec)).as("encoded as plain values").isNotNull();

        ProcessSpec arrived = travel(spec);
        assertThat(arrived.name()).isEqualTo("brewer");
        assertThat(arrived.daemon()).isTrue();
        assertThat(arrived.arguments()).containsExactly("tea", 3);
        SEEN.clear();
        Targets.call(arrived.target(), arrived.arguments());
        assertThat(SEEN).containsExactly("tea×3");
    }

    @Test
    void anArgumentTheFastPathCannotCarrySendsTheSpecItself() {
        CheckedConsumer<Path> target = p -> p.toString();
        ProcessSpec spec = spec("reader", false, target, Path.of("/tmp"));
        assertThat(ProcessForm.encodePlainly(spec)).as("sent as itself").isNull();
        ProcessSpec arrived = travel(spec);
        assertThat(arrived.arguments()).containsExactly(Path.of("/tmp"));
        assertThat(arrived.name()).isEqualTo("reader");
    }

    static final class Counting implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        final ArrayList<Integer> counts = new ArrayList<>(List.of(1, 2));
    }

    @Test
    void aTargetCapturingAnObjectTravelsWithItsFields() throws Exception {
        Counting counting = new Counting();
        CheckedRunnable target = () -> counting.counts.add(3);
        ProcessSpec arrived = travel(spec("counter", false, target));
        Targets.call(arrived.target(), arrived.arguments());
        assertThat(counting.counts).as("the sender's copy is untouched").containsExactly(1, 2);
    }
}
