package dev.spindle.asyncio;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Python 3.11's {@code asyncio.TaskGroup}, spelled as a block: {@code async with TaskGroup() as tg:}
 * is {@code TaskGroup.run(tg -> { ... })}. The block creates tasks with {@link #createTask}; the
 * call returns once the block and every task have ended. The first task that fails cancels the
 * others and the block (which sees {@link CancelledError} at its next await); once all have ended
 * the call throws one {@link ExceptionGroup} with every failure, the block's own included.
 * (A block rather than try-with-resources: {@code close()} cannot see the body's exception.)
 */
public final class TaskGroup {
    /** The body of a task group. */
    @FunctionalInterface
    public interface Body<T> {
        T run(TaskGroup tg) throws Exception;
    }

    private final EventLoop loop;
    private final Task<?> parent;
    private final Set<Task<?>> tasks = new LinkedHashSet<>();
    private final List<Throwable> errors = new ArrayList<>();
    private Future<Void> allDone;
    private boolean exiting;
    private boolean aborting;
    private boolean parentCancelRequested;

    private TaskGroup(EventLoop loop, Task<?> parent) {
        this.loop = loop;
        this.parent = parent;
    }

    /** Runs {@code body} as the group's block in the calling task; returns its result once every task has ended. */
    public static <T> T run(Body<T> body) throws Exception {
        EventLoop loop = Asyncio.getRunningLoop();
        TaskGroup group = new TaskGroup(loop, Asyncio.currentTaskOf(loop));
        T result = null;
        Throwable bodyError = null;
        try {
            result = body.run(group);
        } catch (Throwable e) {
            bodyError = e;
        }
        group.exit(bodyError);
        return result;
    }

    /**
     * A new task of the group.
     *
     * @throws IllegalStateException once the group is shutting down (a task failed) or has ended
     */
    public <T> Task<T> createTask(Callable<T> body) {
        return createTask(body, null);
    }

    /** {@link #createTask(Callable)} with a name. */
    public <T> Task<T> createTask(Callable<T> body, String name) {
        if (exiting && tasks.isEmpty()) {
            throw new IllegalStateException("TaskGroup is finished");
        }
        if (aborting) {
            throw new IllegalStateException("TaskGroup is shutting down");
        }
        Task<T> task = loop.createTask(body, name);
        tasks.add(task);
        task.addDoneCallback(this::taskDone);
        return task;
    }

    private void exit(Throwable bodyError) throws Exception {
        exiting = true;
        CancelledError propagate = bodyError instanceof CancelledError cancelled ? cancelled : null;
        if (bodyError != null && !aborting) {
            abort();
        }
        while (!tasks.isEmpty()) {
            allDone = loop.createFuture();
            try {
                Asyncio.awaitQuietly(allDone);
            } catch (CancelledError e) {
                if (!aborting) {
                    propagate = e;
                    abort();
                }
            }
            allDone = null;
        }
        if (parentCancelRequested && parent.uncancel() == 0) {
            propagate = null; // the group's own cancellation of the block, not the caller's
        }
        if (bodyError != null && !(bodyError instanceof CancelledError)) {
            errors.add(bodyError);
        }
        if (!errors.isEmpty()) {
            throw new ExceptionGroup("unhandled errors in a TaskGroup", errors);
        }
        if (propagate != null) {
            throw propagate;
        }
    }

    private void abort() {
        aborting = true;
        tasks.forEach(Task::cancel);
    }

    private void taskDone(Future<?> task) {
        tasks.remove(task);
        if (allDone != null && tasks.isEmpty() && !allDone.done()) {
            allDone.setResult(null);
        }
        if (task.cancelled() || task.exception() == null) {
            return;
        }
        errors.add(task.exception());
        if (!aborting && !parentCancelRequested) {
            abort();
            parentCancelRequested = true;
            parent.cancel();
        }
    }
}
