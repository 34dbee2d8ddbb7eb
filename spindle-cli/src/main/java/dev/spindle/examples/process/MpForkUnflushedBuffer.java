package dev.spindle.examples.process;

import dev.spindle.examples.Example;

/** [fork-only] The parent writes to a buffered file, without flushing: nothing is written twice under a fresh JVM. */
public final class MpForkUnflushedBuffer implements Example {
    @Override
    public String id() {
        return "mp-fork-unflushed-buffer";
    }

    @Override
    public String summary() {
        return "[fork-only, as a contrast] without flushing: nothing is written twice under a fresh JVM";
    }

    @Override
    public void run(String... args) throws Exception {
        BufferedFileContrast.run(false);
    }
}
