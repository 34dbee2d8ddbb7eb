package dev.spindle.insights;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * What one live worker of a pool has done since it started (mpire's worker insights). A worker
 * process that died and was replaced starts afresh; the pool's totals ({@link PoolInsights}) keep
 * counting. The times are those the worker measured itself; they stay zero for a pool that does
 * not record insights.
 *
 * @param name        the worker's name: its process's, or its thread's
 * @param pid         the process it runs in (a thread worker's is this JVM's)
 * @param host        the machine it runs on: "" for this machine, a cluster worker host's name else
 * @param state       starting, idle or working
 * @param startUp     from asking for the worker until it could take tasks (a JVM's start, for a process)
 * @param init        how long the pool's initializer ran in it
 * @param tasksDone   tasks it finished, with a value or an exception (a chunk of a map counts once)
 * @param working     time inside the tasks' functions
 * @param waiting     time waiting for a task
 * @param movingData  time decoding tasks and encoding and sending results (zero for threads)
 * @param memoryBytes heap in use in its JVM when last measured, as the JVM counts it (whole allocation
 *                    buffers); for threads, this JVM's, shared
 */
public record WorkerInsight(String name, long pid, String host, WorkerState state, Duration startUp, Duration init,
                            long tasksDone, Duration working, Duration waiting, Duration movingData, long memoryBytes)
        implements Serializable {
    public WorkerInsight {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startUp, "startUp");
        Objects.requireNonNull(init, "init");
        Objects.requireNonNull(working, "working");
        Objects.requireNonNull(waiting, "waiting");
        Objects.requireNonNull(movingData, "movingData");
    }
}
