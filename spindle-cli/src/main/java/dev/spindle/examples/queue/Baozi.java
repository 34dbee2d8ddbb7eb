package dev.spindle.examples.queue;

import java.util.List;
import java.util.stream.IntStream;

/** The seeds' ten items: 包子0 to 包子9. */
final class Baozi {
    private Baozi() {}

    static List<String> ten() {
        return IntStream.range(0, 10).mapToObj(i -> "包子" + i).toList();
    }
}
