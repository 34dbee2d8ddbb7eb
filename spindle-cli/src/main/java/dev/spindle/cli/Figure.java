package dev.spindle.cli;

import java.util.Locale;

/**
 * One benchmark figure: the median of several runs, and CPython's median for the same workload
 * when it was measured in the same run.
 */
record Figure(String name, double value, String unit, int runs, Double cpython) {

    String json() {
        String line = String.format(Locale.ROOT, "{\"name\":\"%s\",\"value\":%.3f,\"unit\":\"%s\",\"runs\":%d", name, value, unit, runs);
        return line + (cpython == null ? "" : String.format(Locale.ROOT, ",\"cpython\":%.3f", cpython)) + "}";
    }

    String text() {
        String line = String.format(Locale.ROOT, "%-30s %10.3f %-3s (median of %d)", name, value, unit, runs);
        return line + (cpython == null ? "" : String.format(Locale.ROOT, "   CPython %.3f %s", cpython, unit));
    }
}
