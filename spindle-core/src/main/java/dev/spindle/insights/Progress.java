package dev.spindle.insights;

import dev.spindle.multiprocessing.ProgressListener;
import java.io.Console;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A progress bar that suits both a terminal and a log (Python's {@code tqdm}). On a terminal one
 * line is redrawn in place, at most every 0.1 s; when the output is a file or a pipe, a plain
 * line is printed at most every few seconds, and always the last one — never a carriage return
 * into a log.
 *
 * <pre>{@code
 * try (Progress bar = Progress.builder().label("primes").total(numbers.size()).build()) {
 *     pool.map(Primes::isPrime, numbers, TaskOptions.DEFAULT.progress(bar));
 * }
 * try (Progress bar = Progress.of("files", files.size())) {
 *     for (Path file : files) { copy(file); bar.update(1); }
 * }
 * }</pre>
 *
 * <p>An {@link #update} costs an atomic add and one comparison (tens of nanoseconds): the clock is
 * read only once enough updates have come that a redraw may be due, a number that follows the
 * rate (tqdm's {@code miniters}). Updates may come from any threads. As a
 * {@link ProgressListener} it is told a map's count directly. {@link #close} prints the final
 * line, if the last update did not.
 */
public final class Progress implements ProgressListener, AutoCloseable {
    private static final int WIDTH = 25;
    private final PrintStream out;
    private final String label;
    private final boolean inPlace;
    private final long intervalNanos;
    private final long startNanos = System.nanoTime();
    private final AtomicLong count = new AtomicLong();
    private volatile long total;
    /** The count at which an update reads the clock to see whether a redraw is due. */
    private volatile long nextCheck = 1;
    /** Guarded by this: the last drawing's time and count, and whether the final line is out. */
    private long drawnNanos;
    private long drawnCount = -1;
    private boolean finished;
    /** Guarded by this: the length of the line on a terminal, which a shorter one must cover. */
    private int drawnLength;

    private Progress(Builder builder) {
        this.out = builder.out;
        this.label = builder.label;
        this.total = builder.total;
        this.inPlace = builder.terminal != null ? builder.terminal : builder.out == System.out && stdoutIsATerminal();
        this.intervalNanos = (inPlace ? builder.terminalInterval : builder.logInterval).toNanos();
    }

    /** A bar of {@code total} steps (-1: unknown) labelled {@code label}, on standard output. */
    public static Progress of(String label, long total) {
        return builder().label(label).total(total).build();
    }

    /** A builder: standard output, no label, total unknown, redrawn every 0.1 s on a terminal, a line every 5 s in a log. */
    public static Builder builder() {
        return new Builder();
    }

    private static boolean stdoutIsATerminal() {
        Console console = System.console();
        return console != null && console.isTerminal();
    }

    /** {@code steps} more are done (tqdm's {@code update(n)}). */
    public void update(long steps) {
        long now = count.addAndGet(steps);
        if (now >= nextCheck) {
            maybeDraw(now);
        }
    }

    /** Sets the total, when it becomes known (-1: unknown). */
    public void total(long steps) {
        total = steps;
    }

    /** As a pool's listener: {@code done} of {@code total} items are done. */
    @Override
    public void progress(long done, long total) {
        this.total = total;
        // Listeners may be told from several threads, out of order: the count only grows.
        maybeDraw(count.accumulateAndGet(done, Math::max));
    }

    /** The count so far. */
    public long count() {
        return count.get();
    }

    private synchronized void maybeDraw(long now) {
        if (finished) {
            return;
        }
        long t = System.nanoTime();
        long all = total;
        boolean last = all >= 0 && now >= all;
        if (now < drawnCount || (!last && drawnCount >= 0 && t - drawnNanos < intervalNanos)) {
            // Not due: check again after about the updates that half an interval brings at this
            // rate, but at most twice those since the last line, so that a burst measured over a
            // moment cannot put the next check beyond a slower run's end.
            long since = Math.max(1, now - Math.max(0, drawnCount));
            long elapsed = Math.max(1, t - drawnNanos);
            long perHalfInterval = (long) ((double) since / elapsed * (intervalNanos / 2.0));
            setNextCheck(now + Math.max(1, Math.min(perHalfInterval, 2 * since)), all);
            return;
        }
        long since = now - Math.max(0, drawnCount);
        drawnNanos = t;
        drawnCount = now;
        setNextCheck(now + Math.max(1, since / 2), all);
        draw(now, all, t, last);
        finished = last;
    }

    /** The next check at {@code check}, and never past the total: the last update always draws. */
    private void setNextCheck(long check, long all) {
        nextCheck = all >= 0 ? Math.min(check, all) : check;
    }

    private void draw(long now, long all, long t, boolean last) {
        String line = line(now, all, t - startNanos);
        if (inPlace) {
            // Spaces over what a longer line before left (a time left of 1:00:00 became 59:59).
            String cover = " ".repeat(Math.max(0, drawnLength - line.length()));
            drawnLength = line.length();
            out.print("\r" + line + cover + (last ? System.lineSeparator() : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** {@code label: 45%|#########           | 450/1000 [00:02<00:03, 201.3/s]}, tqdm's line. */
    String line(long now, long all, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        double rate = seconds > 0 ? now / seconds : 0;
        String prefix = label.isEmpty() ? "" : label + ": ";
        String speed = String.format(Locale.ROOT, "%.1f/s", rate);
        if (all < 0) {
            return prefix + now + " [" + clock(seconds) + ", " + speed + "]";
        }
        double fraction = all == 0 ? 1 : Math.min(1, (double) now / all);
        int filled = (int) (WIDTH * fraction);
        String left = rate > 0 ? clock((all - now) / rate) : "?";
        return prefix + String.format(Locale.ROOT, "%3d%%", (int) (100 * fraction)) + "|" + "#".repeat(filled)
                + " ".repeat(WIDTH - filled) + "| " + now + "/" + all + " [" + clock(seconds) + "<" + left + ", " + speed + "]";
    }

    private static String clock(double seconds) {
        long s = (long) Math.max(0, seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }

    /** Prints the final line, unless the last update printed it. */
    @Override
    public synchronized void close() {
        if (finished) {
            return;
        }
        finished = true;
        long now = count.get();
        draw(now, total, System.nanoTime(), true);
    }

    /** How a bar is made. */
    public static final class Builder {
        private PrintStream out = System.out;
        private String label = "";
        private long total = -1;
        private Boolean terminal;
        private Duration terminalInterval = Duration.ofMillis(100);
        private Duration logInterval = Duration.ofSeconds(5);

        private Builder() {}

        /** Where the bar goes; default standard output. */
        public Builder output(PrintStream out) {
            this.out = Objects.requireNonNull(out, "out");
            return this;
        }

        /** Its label, shown before it. */
        public Builder label(String label) {
            this.label = Objects.requireNonNull(label, "label");
            return this;
        }

        /** How many steps make it full; -1 (the default) for unknown. */
        public Builder total(long total) {
            if (total < -1) {
                throw new IllegalArgumentException("total must be -1 (unknown) or at least 0, not " + total);
            }
            this.total = total;
            return this;
        }

        /**
         * Whether the output is a terminal, redrawn in place; default: true only for standard
         * output when it is a terminal.
         */
        public Builder terminal(boolean terminal) {
            this.terminal = terminal;
            return this;
        }

        /** The shortest time between two lines in a log (not a terminal); default 5 s. */
        public Builder logInterval(Duration interval) {
            this.logInterval = positive(interval);
            return this;
        }

        /** The shortest time between two redraws on a terminal; default 0.1 s. */
        public Builder terminalInterval(Duration interval) {
            this.terminalInterval = positive(interval);
            return this;
        }

        private static Duration positive(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("an interval must be positive, not " + interval);
            }
            return interval;
        }

        public Progress build() {
            return new Progress(this);
        }
    }
}
