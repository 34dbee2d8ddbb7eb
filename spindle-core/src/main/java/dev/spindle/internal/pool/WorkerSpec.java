package dev.spindle.internal.pool;

import dev.spindle.ReadLimits;
import dev.spindle.function.CheckedRunnable;
import dev.spindle.internal.transport.Transport;
import java.io.Serializable;

/**
 * What a worker process needs: its end of the task pipe, its slot in the pool's
 * {@link RunningSlots}, the initializer (null for none) and how many tasks it runs before it
 * retires (0: no limit), what decoding a task may cost, and whether it keeps {@link WorkerTimes}.
 */
record WorkerSpec(Transport connection, String slotsName, int slot, CheckedRunnable initializer, int maxTasks,
                  ReadLimits readLimits, boolean insights)
        implements Serializable {}
