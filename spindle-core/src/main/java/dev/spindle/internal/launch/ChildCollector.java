package dev.spindle.internal.launch;

import java.util.List;

/**
 * The garbage collector a child runs: the serial one, which starts fastest, unless the child's
 * options choose a collector themselves. Both on one command line would stop the JVM from starting
 * ("Multiple garbage collectors selected"), so the chosen one replaces it.
 */
final class ChildCollector {
    static final String SERIAL = "-XX:+UseSerialGC";
    private static final List<String> CHOICES = List.of(SERIAL, "-XX:+UseParallelGC", "-XX:+UseG1GC",
            "-XX:+UseZGC", "-XX:+UseShenandoahGC", "-XX:+UseEpsilonGC");

    private ChildCollector() {}

    /** {@code base} (which holds {@link #SERIAL}), without it when {@code given} chooses a collector. */
    static List<String> options(List<String> base, List<String> given) {
        if (given.stream().noneMatch(CHOICES::contains)) {
            return base;
        }
        return base.stream().filter(option -> !option.equals(SERIAL)).toList();
    }
}
