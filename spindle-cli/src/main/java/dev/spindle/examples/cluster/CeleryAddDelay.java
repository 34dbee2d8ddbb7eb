package dev.spindle.examples.cluster;

import dev.spindle.Context;
import dev.spindle.Spindle;
import dev.spindle.examples.Example;
import dev.spindle.futures.PoolExecutor;
import dev.spindle.multiprocessing.ChildProcess;
import java.util.concurrent.CompletableFuture;

/**
 * Celery's first example, {@code add.delay(4, 4)}: a task sent to a queue in Redis, run by a
 * worker on another host, its result read back. The application is a cluster context; the task is
 * any method, with no registration.
 */
public final class CeleryAddDelay extends Example {
    public CeleryAddDelay() {
        super("celery-add-delay", "add.delay(4, 4): a task goes through Redis to a worker host, and its result comes back");
    }

    static int add(int x, int y) {
        return x + y;
    }

    /** Where a task runs: its worker process and that process's parent, the worker host. */
    static long[] whereAmI() {
        return new long[] {ProcessHandle.current().pid(), Spindle.parentProcess().pid()};
    }

    @Override
    public void run(String... args) throws Exception {
        try (LocalCluster local = LocalCluster.start("tasks", args)) {
            Context app = local.context(); // app = Celery('tasks', broker='redis://...')
            try (PoolExecutor executor = app.executor(2)) {
                CompletableFuture<Integer> result = executor.submit(CeleryAddDelay::add, 4, 4); // add.delay(4, 4)
                System.out.println("sent add(4, 4); it waits in Redis until a worker takes it");
                ChildProcess host = local.startHost(2); // celery -A tasks worker
                System.out.println("result.get() = " + result.get());
                System.out.println("result.ready() = " + result.isDone());
                long[] where = executor.submit(CeleryAddDelay::whereAmI).get();
                System.out.println("it ran in worker process " + where[0] + " of the worker host "
                        + (where[1] == host.pid() ? "(pid " + host.pid() + ")" : "(pid " + where[1] + ", not " + host.pid() + "!)")
                        + ", not in this JVM (pid " + ProcessHandle.current().pid() + ")");
            }
        }
    }
}
