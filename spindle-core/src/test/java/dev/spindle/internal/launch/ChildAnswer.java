package dev.spindle.internal.launch;

import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.queue.Queue;

/** For tests of what a child started with some options sees: its one answer. */
final class ChildAnswer {
    private ChildAnswer() {}

    /** Starts {@code child}, takes the one answer it puts into {@code answer}, and joins it. */
    static <T> T of(ChildProcess child, Queue<T> answer) throws InterruptedException {
        child.start();
        T value = answer.take();
        child.join();
        return value;
    }
}
