package dev.spindle.cli;

import dev.spindle.multiprocessing.ProgressListener;
import java.io.Console;
import java.io.PrintStream;

/**
 * Shows a map's progress. On a terminal, one line redrawn in place:
 * {@code [#########.........]  32/65}; when output goes to a file or a pipe, a line at every
 * tenth of the way instead of carriage returns.
 */
final class ProgressBar implements ProgressListener {
    private static final int WIDTH = 30;
    private static final int STEPS_WHEN_LOGGED = 10;
    private final PrintStream out;
    private final String label;
    private final boolean inPlace;
    /** The step last shown: show only when it changes. */
    private int shown = -1;

    ProgressBar(PrintStream out, String label) {
        this(out, label, onTerminal());
    }

    ProgressBar(PrintStream out, String label, boolean inPlace) {
        this.out = out;
        this.label = label;
        this.inPlace = inPlace;
    }

    private static boolean onTerminal() {
        Console console = System.console();
        return console != null && console.isTerminal();
    }

    @Override
    public synchronized void progress(long done, long total) {
        int steps = inPlace ? WIDTH : STEPS_WHEN_LOGGED;
        int step = (int) (steps * done / Math.max(1, total));
        if (step == shown && done != total) {
            return;
        }
        shown = step;
        int filled = (int) (WIDTH * done / Math.max(1, total));
        String bar = label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total;
        if (inPlace) {
            out.print("\r" + bar);
            if (done == total) {
                out.println();
            }
        } else {
            out.println(bar);
        }
        out.flush();
    }
}
