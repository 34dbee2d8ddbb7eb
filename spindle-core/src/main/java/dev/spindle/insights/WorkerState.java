package dev.spindle.insights;

/** What a pool's worker is doing at the moment its insight was taken. */
public enum WorkerState {
    /** Its process or thread is starting, or running the pool's initializer. */
    STARTING,
    /** Waiting for a task. */
    IDLE,
    /** Running a task. */
    WORKING
}
