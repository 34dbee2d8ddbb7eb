package dev.spindle.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One benchmark figure: the median of Spindle's samples and their spread (lowest, highest), and
 * the same of CPython's for the same workload when they were measured in the same run; for some,
 * also the same of the plain JDK way ({@code jdkWhat}: {@code java.util.concurrent}'s class, say),
 * measured in the same rounds.
 */
record Figure(String name, String unit, double[] ours, double[] cpython, String jdkWhat, double[] jdk) {

    static Figure of(String name, String unit, List<Double> ours, List<Double> cpython) {
        return of(name, unit, ours, cpython, null, List.of());
    }

    static Figure of(String name, String unit, List<Double> ours, List<Double> cpython, String jdkWhat, List<Double> jdk) {
        return new Figure(name, unit, array(ours), array(cpython), jdkWhat, array(jdk));
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    double value() {
        return median(ours);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    String json() {
        String line = String.format(Locale.ROOT, "{\"name\":\"%s\",\"value\":%.3f,\"unit\":\"%s\",\"runs\":%d,\"min\":%.3f,\"max\":%.3f",
                name, value(), unit, ours.length, min(ours), max(ours));
        if (cpython.length > 0) {
            line += String.format(Locale.ROOT, ",\"cpython\":%.3f,\"cpython_runs\":%d,\"cpython_min\":%.3f,\"cpython_max\":%.3f",
                    median(cpython), cpython.length, min(cpython), max(cpython));
        }
        if (jdk.length > 0) {
            line += String.format(Locale.ROOT, ",\"jdk\":%.3f,\"jdk_runs\":%d,\"jdk_min\":%.3f,\"jdk_max\":%.3f,\"jdk_what\":\"%s\"",
                    median(jdk), jdk.length, min(jdk), max(jdk), jdkWhat);
        }
        return line + "}";
    }

    String text() {
        String line = String.format(Locale.ROOT, "%-30s %12.3f %-7s (median of %d, %.3f..%.3f)", name, value(), unit,
                ours.length, min(ours), max(ours));
        if (cpython.length > 0) {
            line += String.format(Locale.ROOT, "   CPython %.3f (median of %d, %.3f..%.3f)", median(cpython), cpython.length,
                    min(cpython), max(cpython));
        }
        if (jdk.length > 0) {
            line += String.format(Locale.ROOT, "   %s %.3f (median of %d, %.3f..%.3f)", jdkWhat, median(jdk), jdk.length,
                    min(jdk), max(jdk));
        }
        return line;
    }
}
