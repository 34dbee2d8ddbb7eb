package dev.spindle.cli;

import dev.spindle.asyncio.Asyncio;
import dev.spindle.asyncio.Connection;
import dev.spindle.asyncio.Queue;
import dev.spindle.asyncio.Server;
import dev.spindle.asyncio.StreamReader;
import dev.spindle.asyncio.StreamWriter;
import dev.spindle.asyncio.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The asyncio figures of the coroutines suite, the same workloads as CPython's script
 * ({@code cpython_asyncio_bench.py}): 100,000 tasks each sleeping 100 ms three times under one
 * gather; 100,000 trivial tasks created, then awaited; 100,000 items through an (unbounded) Queue
 * from one task to another; an echo server and 100 clients in one loop, 200 line round trips each.
 * Each sample is one {@code Asyncio.run}.
 */
final class AsyncioBench {
    private static final int TASKS = 100_000;
    private static final Duration NAP = Duration.ofMillis(100);
    private static final int ITEMS = 100_000;
    private static final int CLIENTS = 100;
    private static final int ROUND_TRIPS = 200;
    private static final int WARM_UPS = 1;

    private AsyncioBench() {}

    static void run(int runs, Report report) throws Exception {
        report.figure("asyncio.tasks_100k_3sleeps_s", "s", runs, () -> warmed(AsyncioBench::tasksThreeSleepsSeconds));
        report.figure("asyncio.create_task_await_per_s", "tasks/s", runs, () -> warmed(AsyncioBench::createAwaitPerSecond));
        report.figure("asyncio.queue_1p1c_items_per_s", "items/s", runs, () -> warmed(AsyncioBench::queueItemsPerSecond));
        report.figure("asyncio.echo_100clients_roundtrips_per_s", "round trips/s", runs, () -> warmed(AsyncioBench::echoRoundTripsPerSecond));
    }

    private static Workload warmed(Workload workload) throws Exception {
        for (int i = 0; i < WARM_UPS; i++) {
            workload.sample();
        }
        return workload;
    }

    private static double tasksThreeSleepsSeconds() throws Exception {
        long t0 = System.nanoTime();
        Asyncio.run(() -> {
            List<Task<Void>> tasks = new ArrayList<>(TASKS);
            for (int i = 0; i < TASKS; i++) {
                tasks.add(Asyncio.createTask(() -> {
                    for (int nap = 0; nap < 3; nap++) {
                        Asyncio.sleep(NAP);
                    }
                    return null;
                }));
            }
            return Asyncio.gather(tasks, false).await();
        });
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double createAwaitPerSecond() throws Exception {
        return Asyncio.run(() -> {
            long t0 = System.nanoTime();
            List<Task<Integer>> tasks = new ArrayList<>(TASKS);
            for (int i = 0; i < TASKS; i++) {
                tasks.add(Asyncio.createTask(() -> 1));
            }
            for (Task<Integer> task : tasks) {
                task.await();
            }
            return TASKS / ((System.nanoTime() - t0) / 1e9);
        });
    }

    private static double queueItemsPerSecond() throws Exception {
        return Asyncio.run(() -> {
            Queue<Integer> queue = new Queue<>();
            long t0 = System.nanoTime();
            Task<Void> consumer = Asyncio.createTask(() -> {
                for (int i = 0; i < ITEMS; i++) {
                    queue.get();
                }
                return null;
            });
            Task<Void> producer = Asyncio.createTask(() -> {
                for (int i = 0; i < ITEMS; i++) {
                    queue.put(i);
                }
                return null;
            });
            producer.await();
            consumer.await();
            return ITEMS / ((System.nanoTime() - t0) / 1e9);
        });
    }

    static void echo(StreamReader reader, StreamWriter writer) throws Exception {
        while (true) {
            byte[] line = reader.readline();
            if (line.length == 0) {
                break;
            }
            writer.write(line);
            writer.drain();
        }
        writer.close();
    }

    private static double echoRoundTripsPerSecond() throws Exception {
        return Asyncio.run(() -> {
            try (Server server = Asyncio.startServer(AsyncioBench::echo, "127.0.0.1", 0)) {
                long t0 = System.nanoTime();
                List<Task<Void>> clients = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    clients.add(Asyncio.createTask(() -> {
                        Connection conn = Asyncio.openConnection("127.0.0.1", server.port());
                        byte[] line = "ping\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                        for (int i = 0; i < ROUND_TRIPS; i++) {
                            conn.writer().write(line);
                            conn.writer().drain();
                            conn.reader().readline();
                        }
                        conn.writer().close();
                        conn.writer().waitClosed();
                        return null;
                    }));
                }
                Asyncio.gather(clients, false).await();
                return CLIENTS * ROUND_TRIPS / ((System.nanoTime() - t0) / 1e9);
            }
        });
    }
}
