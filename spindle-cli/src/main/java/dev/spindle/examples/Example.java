package dev.spindle.examples;

/**
 * One seed program, ported: runnable as {@code bin/spindle demo ID}. It prints what the seed
 * prints (children print on the same terminal), so a test can assert the seed's point.
 */
public interface Example {
    /** The id of the program in the inventory (seed-programs.md), such as {@code mp-downloads}. */
    String id();

    /** One line on what the program shows. */
    String summary();

    /** Runs the program in this JVM; child processes it leaves running are joined by the caller. */
    void run(String... args) throws Exception;
}
