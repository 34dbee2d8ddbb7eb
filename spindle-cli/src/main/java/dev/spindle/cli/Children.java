package dev.spindle.cli;

import dev.spindle.Spindle;
import dev.spindle.multiprocessing.BaseProcess;

/** What Python does when a program ends: wait for its non-daemon children. */
final class Children {
    private Children() {}

    static void awaitNonDaemon() throws InterruptedException {
        for (BaseProcess child : Spindle.activeChildren()) {
            if (!child.isDaemon()) {
                child.join();
            }
        }
    }
}
