package dev.spindle.multiprocessing;

/** How a {@link ChildProcess} gets its JVM (Python's start methods). */
public enum StartMethod {
    /**
     * A fresh JVM per process (Python's {@code spawn}). Start-up is cut by an AOT cache that
     * Spindle creates on first use when the class path is made of jars.
     */
    SPAWN,
    /**
     * A pre-started idle JVM that waits for its target (our {@code forkserver}): {@code start()}
     * returns with the target already running. Each JVM still runs one process only, so no state
     * leaks from one process to the next.
     */
    WARM
}
