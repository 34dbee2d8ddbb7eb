package dev.spindle.examples.process;

import dev.spindle.examples.Example;

/** [fork-only] The parent writes to a buffered file, flushed before start: the child appends after the parent's line. */
public final class MpForkFlushedBuffer extends Example {
    public MpForkFlushedBuffer() {
        super("mp-fork-flushed-buffer", "[fork-only, as a contrast] flushed before start: the child appends after the parent's line");
    }

    @Override
    public void run(String... args) throws Exception {
        BufferedFileContrast.run(true);
    }
}
