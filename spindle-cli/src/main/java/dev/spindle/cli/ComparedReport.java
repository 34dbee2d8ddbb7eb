package dev.spindle.cli;

/**
 * How a suite reports a figure together with the plain JDK way of doing the same, measured in the
 * same rounds (see {@link BenchCommand#report(String, String, int, Workload.Setup, String, Workload.Setup)}).
 */
@FunctionalInterface
interface ComparedReport {
    /** @param jdkWhat what the JDK side uses, in a few words ({@code "LinkedBlockingQueue"}) */
    void figure(String name, String unit, int runs, Workload.Setup ours, String jdkWhat, Workload.Setup jdk) throws Exception;
}
