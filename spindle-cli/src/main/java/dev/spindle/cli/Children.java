package dev.spindle.cli;

import dev.spindle.Spindle;
import dev.spindle.multiprocessing.ChildProcess;

/** What Python does when a program ends: wait for its non-daemon children. */
final class Children {
    private Children() {}

    static void awaitNonDaemon() throws InterruptedException {
        for (ChildProcess child : Spindle.activeChildren()) {
            if (!child.isDaemon()) {
                child.join();
            }
        }
    }
}
