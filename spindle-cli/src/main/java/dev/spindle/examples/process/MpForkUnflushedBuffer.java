package dev.spindle.examples.process;

import dev.spindle.examples.Example;

/** [fork-only] The parent writes to a buffered file, without flushing: nothing is written twice under a fresh JVM. */
public final class MpForkUnflushedBuffer extends Example {
    public MpForkUnflushedBuffer() {
        super("mp-fork-unflushed-buffer", "[fork-only, as a contrast] without flushing: nothing is written twice under a fresh JVM");
    }

    @Override
    public void run(String... args) throws Exception {
        BufferedFileContrast.run(false);
    }
}
