package dev.spindle.cli;

import dev.spindle.multiprocessing.ProgressListener;
import java.io.PrintStream;

/** Renders a map's progress on one terminal line: {@code [#########.........]  32/65}. */
final class ProgressBar implements ProgressListener {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final String label;
    /** The bar last drawn: redraw only when it changes, to keep piped output short. */
    private int drawn = -1;

    ProgressBar(PrintStream out, String label) {
        this.out = out;
        this.label = label;
    }

    @Override
    public synchronized void progress(long done, long total) {
        int filled = (int) (WIDTH * done / Math.max(1, total));
        if (filled == drawn && done != total) {
            return;
        }
        drawn = filled;
        out.print("\r" + label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total);
        if (done == total) {
            out.println();
        }
        out.flush();
    }
}
