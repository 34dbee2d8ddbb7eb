package dev.spindle.cli;

/** How a suite reports a figure (see {@link BenchCommand#report}). */
@FunctionalInterface
interface Report {
    void figure(String name, String unit, int runs, Workload.Setup setup) throws Exception;
}
