package dev.spindle.multiprocessing;

/**
 * Who the current process is (Python's {@code current_process()}).
 *
 * @param name      "MainProcess" in a JVM that is not a Spindle child, else the child's name
 * @param pid       this process's id
 * @param parentPid the parent's process id, or -1 if unknown
 * @param daemon    whether this is a daemon child
 */
public record ProcessInfo(String name, long pid, long parentPid, boolean daemon) {}
