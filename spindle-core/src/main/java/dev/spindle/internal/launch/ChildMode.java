package dev.spindle.internal.launch;

import java.util.Locale;

/** How a child JVM was started, passed to {@link ChildMain} on its command line. */
enum ChildMode {
    /** A fresh JVM for one target (the SPAWN start method). */
    SPAWN,
    /** An idle JVM that primes itself and waits to be taken (the WARM start method). */
    WARM,
    /** The AOT cache's training run: the whole child path with a sample target. */
    TRAIN;

    String argument() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ChildMode of(String argument) {
        return valueOf(argument.toUpperCase(Locale.ROOT));
    }
}
