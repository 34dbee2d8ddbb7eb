package dev.spindle.cli;

import dev.spindle.Context;
import dev.spindle.managers.Manager;
import dev.spindle.managers.ManagerServer;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.multiprocessing.Client;
import dev.spindle.multiprocessing.Connection;
import dev.spindle.multiprocessing.Listener;
import dev.spindle.queue.Queue;
import dev.spindle.sync.Lock;
import java.io.EOFException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The manager suite, the same workloads as CPython's script: a managed dict's set-and-get pairs
 * from this process (the manager in a child JVM, reached over a Unix domain socket); ten child
 * processes incrementing a managed dict's keys under a managed lock; a client JVM's operations on
 * a manager served over TCP; and Listener/Client round trips of small messages over TCP and Unix
 * domain sockets.
 */
@SuppressWarnings("try") // a Workload's close may wait for children, so it may be interrupted
final class ManagerBench {
    private static final int PAIRS = 10_000;
    private static final int PROCESSES = 10;
    private static final int INCREMENTS = 500;
    private static final int ROUND_TRIPS = 20_000;
    /**
     * How long the ten clients warm up: eleven fresh JVMs on two cores compile the proxies' paths
     * while they run, from about 500 increments/s at first to their steady rate some 15 s later.
     */
    private static final java.time.Duration TEN_PROCESSES_WARM_UP = java.time.Duration.ofSeconds(20);
    /** Untimed rounds before the timed ones, where a JVM is still compiling. */
    private static final int WARM_UPS = 3;
    private static final byte[] AUTHKEY = "spindle-bench".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private ManagerBench() {}

    static void run(int runs, Report report) throws Exception {
        int samples = Math.max(5, runs / 3);
        report.figure("manager.dict_set_get_per_s", "ops/s", samples, ManagerBench::setGet);
        report.figure("manager.dict_10procs_incr_per_s", "incr/s", samples, ManagerBench::tenProcesses);
        report.figure("manager.remote_tcp_ops_per_s", "ops/s", samples, ManagerBench::remote);
        report.figure("connection.tcp_roundtrip_us", "us", samples, () -> roundTrips(false));
        report.figure("connection.unix_roundtrip_us", "us", samples, () -> roundTrips(true));
    }

    private static Workload setGet() {
        Manager manager = Context.processes().manager();
        Map<Integer, Integer> d = manager.dict();
        for (int i = 0; i < WARM_UPS; i++) {
            setAndGet(d); // as the remote client's rounds are: the manager's JVM compiles its paths first
        }
        return closingAlso(() -> {
            long t0 = System.nanoTime();
            setAndGet(d);
            return 2.0 * PAIRS / ((System.nanoTime() - t0) / 1e9);
        }, manager::shutdown);
    }

    static void setAndGet(Map<Integer, Integer> d) {
        for (int i = 0; i < PAIRS; i++) {
            d.put(i % 100, i);
            if (d.get(i % 100) != i) {
                throw new IllegalStateException("the managed dict lost a set");
            }
        }
    }

    /** For each go, increments its key {@value #INCREMENTS} times under the lock, then says so. */
    static void increments(Queue<Boolean> go, List<Object> shared) throws InterruptedException {
        @SuppressWarnings("unchecked")
        Map<String, Integer> d = (Map<String, Integer>) shared.get(0);
        Lock lock = (Lock) shared.get(1);
        @SuppressWarnings("unchecked")
        Queue<Boolean> done = (Queue<Boolean>) shared.get(2);
        String key = "p" + ProcessHandle.current().pid() % PROCESSES;
        while (go.take()) {
            for (int i = 0; i < INCREMENTS; i++) {
                lock.lock();
                try {
                    d.merge(key, 1, Integer::sum);
                } finally {
                    lock.unlock();
                }
            }
            done.put(true);
        }
    }

    @SuppressWarnings("serial") // a method reference of the bench, meant to travel
    private static Workload tenProcesses() throws Exception {
        Manager manager = Context.processes().manager();
        Map<String, Integer> d = manager.dict();
        Lock lock = manager.lock();
        Queue<Boolean> go = Context.processes().queue();
        Queue<Boolean> done = Context.processes().queue();
        List<ChildProcess> children = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            children.add(new ChildProcess(ManagerBench::increments, go, List.of(d, lock, done)));
        }
        Workload workload = ChildrenWorkload.start(children, PROCESSES * INCREMENTS, () -> {
            for (int i = 0; i < PROCESSES; i++) {
                go.put(true);
            }
            for (int i = 0; i < PROCESSES; i++) {
                done.take();
            }
        }, TEN_PROCESSES_WARM_UP);
        return closingAlso(workload, manager::shutdown);
    }

    /** For each go, makes {@value #PAIRS} set-and-get pairs on the served dict and reports their rate. */
    static void remoteClient(Integer port, Queue<Double> rates) throws InterruptedException {
        Manager manager = Manager.connect(new InetSocketAddress("127.0.0.1", port), AUTHKEY);
        @SuppressWarnings("unchecked")
        Map<Integer, Integer> d = manager.get("dict", Map.class);
        while (true) {
            long t0 = System.nanoTime();
            setAndGet(d);
            rates.put(2.0 * PAIRS / ((System.nanoTime() - t0) / 1e9));
        }
    }

    @SuppressWarnings("serial") // a method reference of the bench, meant to travel
    private static Workload remote() throws Exception {
        Map<Integer, Integer> served = java.util.Collections.synchronizedMap(new java.util.HashMap<>());
        ManagerServer server = ManagerServer.builder().register("dict", Map.class, () -> served)
                .start(new InetSocketAddress("127.0.0.1", 0), AUTHKEY);
        Queue<Double> rates = Context.processes().queue();
        ChildProcess client = new ChildProcess(ManagerBench::remoteClient, ((InetSocketAddress) server.address()).getPort(), rates);
        client.start();
        for (int i = 0; i < WARM_UPS; i++) {
            rates.take(); // warm-up rounds
        }
        return closingAlso(rates::take, () -> {
            client.kill();
            client.join();
            server.close();
        });
    }

    /** Echoes every message until EOF. */
    static void echo(SocketAddress address) throws Exception {
        try (Connection c = Client.connect(address)) {
            while (true) {
                try {
                    c.send(c.recv());
                } catch (EOFException end) {
                    return;
                }
            }
        }
    }

    @SuppressWarnings("serial") // a method reference of the bench, meant to travel
    private static Workload roundTrips(boolean unix) throws Exception {
        Listener listener = unix ? Listener.unix() : Listener.tcp(0);
        ChildProcess child = new ChildProcess(ManagerBench::echo, listener.address());
        child.start();
        Connection c = listener.accept();
        Workload workload = () -> {
            long t0 = System.nanoTime();
            for (int i = 0; i < ROUND_TRIPS; i++) {
                c.send(i);
                c.recv();
            }
            return (System.nanoTime() - t0) / 1e3 / ROUND_TRIPS;
        };
        workload.sample(); // warm-up
        return closingAlso(workload, () -> {
            c.close();
            child.join();
            listener.close();
        });
    }

    /** {@code inner}, with {@code after} taken down once it is closed. */
    private static Workload closingAlso(Workload inner, AutoCloseable after) {
        return new Workload() {
            @Override
            public double sample() throws Exception {
                return inner.sample();
            }

            @Override
            public void close() throws Exception {
                try (after) {
                    inner.close();
                }
            }
        };
    }
}
