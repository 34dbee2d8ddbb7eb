package dev.spindle.internal.pool;

import dev.spindle.ReadLimits;
import dev.spindle.SerializationException;
import dev.spindle.internal.codec.Codec;
import dev.spindle.internal.codec.SizeLimit;
import dev.spindle.internal.launch.ChildMain;
import dev.spindle.internal.codec.ExceptionTransport;
import dev.spindle.internal.transport.Transport;
import dev.spindle.internal.wire.Wire;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The loop of a pool's worker process: run the initializer, then run tasks as they come, in the
 * order they come, until the pool closes the pipe or {@code maxTasks} have run.
 *
 * <p>Before each task the worker writes its seq to its running slot. Results are sent in batches
 * but never held long: a batch goes out when the tasks received so far are done, when it is big,
 * or when its oldest result has waited {@link #FLUSH_NANOS}.
 */
final class WorkerMain {
    private static final long FLUSH_NANOS = 100_000;
    private static final int FLUSH_COUNT = 64;

    private WorkerMain() {}

    /** A function that could not be decoded here: every task that uses it fails with this. */
    private record Undecodable(SerializationException error) {}

    static void run(WorkerSpec spec) throws Exception {
        ChildMain.leaveUserThreadsAtEnd(); // a task's stray threads do not keep a worker the pool is done with
        try (Transport connection = spec.connection(); RunningSlots slots = RunningSlots.open(spec.slotsName())) {
            serve(spec, connection, slots);
        } catch (IOException poolGone) {
            // The pool closed its end (terminated, broken, or its process died): end quietly.
        }
    }

    private static void serve(WorkerSpec spec, Transport connection, RunningSlots slots) throws Exception {
        WorkerTimes times = spec.insights() ? new WorkerTimes() : null;
        if (spec.initializer() != null) {
            long start = System.nanoTime();
            try {
                spec.initializer().run();
            } catch (Throwable t) {
                connection.send(PoolMessages.initFailed(ExceptionTransport.encode(t)));
                return;
            }
            if (times != null) {
                times.set(WorkerTimes.INIT, System.nanoTime() - start);
            }
        }
        if (times != null) {
            times.measureHeap();
            slots.publishTimesOpaque(spec.slot(), times);
        }
        connection.send(PoolMessages.ready());
        new WorkerMain.Loop(connection, slots, spec.slot(), spec.maxTasks(), spec.readLimits(), times).run();
    }

    private static final class Loop {
        private final Transport connection;
        private final RunningSlots slots;
        private final int slot;
        private final int maxTasks;
        private final ReadLimits limits;
        private final Lru<Integer, Object> functions = new Lru<>(Lru.FUNCTIONS_PER_WORKER);
        private final PoolMessages.Writer results = new PoolMessages.Writer();
        /** This worker's totals, when its pool records insights; else null, and nothing is timed. */
        private final WorkerTimes times;
        private long oldestUnsent;
        private int done;

        Loop(Transport connection, RunningSlots slots, int slot, int maxTasks, ReadLimits limits, WorkerTimes times) {
            this.connection = connection;
            this.slots = slots;
            this.slot = slot;
            this.maxTasks = maxTasks;
            this.limits = limits;
            this.times = times;
        }

        void run() throws Exception {
            while (true) {
                byte[] message;
                long waitStart = times == null ? 0 : System.nanoTime();
                try {
                    message = connection.receive(Integer.MAX_VALUE); // a batch; each value is checked when decoded
                } catch (EOFException poolClosed) {
                    return;
                }
                if (times != null) {
                    times.add(WorkerTimes.WAITING, System.nanoTime() - waitStart);
                    times.measureHeap();
                }
                Wire.Frame frame = Wire.parse(message);
                if (frame.type() != PoolMessages.TASKS) {
                    throw new IOException("the pool sent a frame of unknown type " + frame.type());
                }
                List<PoolMessages.TaskMessage> batch = PoolMessages.readTasks(frame.payload());
                for (int i = 0; i < batch.size(); i++) {
                    if (!runOne(batch.get(i))) {
                        awaitKill();
                    }
                    done++;
                    boolean retiring = maxTasks > 0 && done >= maxTasks;
                    if (i == batch.size() - 1 || retiring || results.count() >= FLUSH_COUNT
                            || System.nanoTime() - oldestUnsent > FLUSH_NANOS) {
                        sendResults();
                    }
                    if (retiring) {
                        return;
                    }
                }
            }
        }

        /**
         * The parent stopped the task this worker was running (timeout, cancel) and is killing this
         * process: send the results of the tasks finished before it, then start nothing more.
         */
        private void awaitKill() throws IOException {
            if (results.count() > 0) {
                sendResults();
            }
            while (true) {
                LockSupport.park(this);
            }
        }

        /** Sends the results; the times are published first, so a parent that has a result sees its task counted. */
        private void sendResults() throws IOException {
            if (times == null) {
                connection.send(results.results());
                return;
            }
            slots.publishTimesOpaque(slot, times);
            long start = System.nanoTime();
            connection.send(results.results());
            times.add(WorkerTimes.MOVING, System.nanoTime() - start); // published with the next results
        }

        /** Runs one task and records its result; false if the parent stopped it first (no result then). */
        private boolean runOne(PoolMessages.TaskMessage task) {
            Object function = function(task);
            long started = slots.startedRelease(slot, task.seq());
            if (results.count() == 0) {
                oldestUnsent = started;
            }
            byte status;
            byte[] body;
            long ran = 0;
            try {
                if (function instanceof Undecodable u) {
                    throw u.error();
                }
                @SuppressWarnings("unchecked")
                List<Object> arguments = (List<Object>) Codec.get().decode(task.arguments(), limits);
                long runStart = times == null ? 0 : System.nanoTime();
                Object value;
                try {
                    value = Invocation.run(function, task.shape(), arguments);
                } finally {
                    ran = times == null ? 0 : System.nanoTime() - runStart;
                }
                try {
                    body = Codec.get().encode(value);
                    status = PoolMessages.OK;
                    if (body.length > limits.maxBytes()) { // the parent decodes under the same limits
                        body = ("the task's result cannot be sent back: " + SizeLimit.exceeded("its encoded form", body.length,
                                limits.maxBytes(), SizeLimit.FOR_A_POOL)).getBytes(StandardCharsets.UTF_8);
                        status = PoolMessages.UNSENDABLE;
                    }
                } catch (SerializationException e) {
                    body = ("the task's result cannot be sent back: " + e.getMessage()).getBytes(StandardCharsets.UTF_8);
                    status = PoolMessages.UNSENDABLE;
                }
            } catch (Throwable t) {
                body = ExceptionTransport.encode(t);
                status = PoolMessages.RAISED;
            }
            if (!slots.finishedVolatile(slot, task.seq())) {
                return false;
            }
            if (times != null) {
                times.add(WorkerTimes.TASKS, 1);
                times.add(WorkerTimes.WORKING, ran);
                times.add(WorkerTimes.MOVING, System.nanoTime() - started - ran);
            }
            results.result(task.seq(), status, ran, body);
            return true;
        }

        /** The task's function: decoded now if it came with the task, else the one kept from before. */
        private Object function(PoolMessages.TaskMessage task) {
            if (task.function() == null) {
                return functions.get(task.functionId());
            }
            Object function;
            try {
                function = Codec.get().decode(task.function(), limits);
            } catch (SerializationException e) {
                function = new Undecodable(e);
            }
            functions.put(task.functionId(), function);
            return function;
        }
    }
}
