package dev.spindle.cluster;

import dev.spindle.Spindle;
import dev.spindle.internal.cluster.ClusterSettings;
import dev.spindle.internal.cluster.WorkerHost;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A worker host of a cluster (Celery's worker): it takes tasks from its queues in Redis and runs
 * them in child JVMs of its own, which start with this JVM's class path, so the classes of the
 * tasks it runs must be on it. A task that its worker process cannot load, or that kills it,
 * fails alone; the host goes on. {@code bin/spindle worker --redis URI} runs one; so does
 * {@link #main}.
 *
 * <p>While the host lives, each task it took runs once; if the host dies (its whole process
 * group killed), each of its tasks runs again on another host within about one
 * {@link Cluster#lease() lease}. Close it to stop taking tasks, finish those it holds, and leave.
 */
public final class Worker implements AutoCloseable {
    private final WorkerHost host;

    private Worker(WorkerHost host) {
        this.host = host;
    }

    /** A builder of a worker of {@code cluster}: {@link Spindle#cpuCount()} processes, the cluster's queue. */
    public static Builder builder(Cluster cluster) {
        return new Builder(Objects.requireNonNull(cluster, "cluster"));
    }

    /** This worker's id: its host name, pid and a random suffix, as Redis knows it. */
    public String id() {
        return host.id();
    }

    /**
     * Stops taking tasks, waits for those it holds to finish and their outcomes to be stored,
     * then leaves the cluster and stops its child JVMs. Interrupted while it waits, it stops
     * waiting, leaves at once (its tasks' leases pass to other hosts) and keeps the interrupt.
     */
    @Override
    public void close() {
        host.close();
    }

    /** How a worker is made. */
    public static final class Builder {
        private final Cluster cluster;
        private int processes = Spindle.cpuCount();
        private List<String> queues;
        private List<String> jvmOptions = List.of();

        private Builder(Cluster cluster) {
            this.cluster = cluster;
            this.queues = List.of(cluster.queue());
        }

        /**
         * Runs tasks in this many child JVMs.
         *
         * @throws IllegalArgumentException if below 1
         */
        public Builder processes(int processes) {
            if (processes < 1) {
                throw new IllegalArgumentException("a worker needs at least one process: " + processes);
            }
            this.processes = processes;
            return this;
        }

        /**
         * Serves these queues (default: the cluster's queue).
         *
         * @throws IllegalArgumentException if none is given, or one is blank or holds a space or colon
         */
        public Builder queues(String... queues) {
            if (queues.length == 0) {
                throw new IllegalArgumentException("a worker serves at least one queue");
            }
            List<String> checked = new ArrayList<>();
            for (String queue : queues) {
                checked.add(cluster.queue(queue).queue());
            }
            this.queues = List.copyOf(checked);
            return this;
        }

        /** Extra options for its child JVMs, such as {@code -Xmx512m}. */
        public Builder jvmOptions(String... options) {
            this.jvmOptions = List.of(options);
            return this;
        }

        /**
         * Starts the worker: it connects, starts its child JVMs and takes tasks.
         *
         * @throws IllegalStateException if the cluster's Redis cannot be reached within its timeout
         */
        public Worker start() {
            ClusterSettings settings = new ClusterSettings(cluster.redis().toString(), cluster.name(), cluster.queue(),
                    cluster.lease(), cluster.timeout(), false);
            return new Worker(WorkerHost.start(settings, new WorkerHost.Options(processes, queues, jvmOptions)));
        }
    }

    /**
     * Runs a worker until this JVM is told to stop (SIGTERM, Ctrl-C), when it finishes what it
     * holds: {@code --redis URI [--processes N] [--queues a,b] [--name NAME] [--lease-ms MS]}.
     */
    public static void main(String[] args) throws InterruptedException {
        Cluster cluster = null;
        Builder builder = null;
        String queues = null;
        Integer processes = null;
        String name = null;
        Long lease = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--redis" -> cluster = Cluster.at(required(args[i], value));
                case "--processes" -> processes = Integer.parseInt(required(args[i], value));
                case "--queues" -> queues = required(args[i], value);
                case "--name" -> name = required(args[i], value);
                case "--lease-ms" -> lease = Long.parseLong(required(args[i], value));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: --redis URI [--processes N] [--queues a,b] [--name NAME] [--lease-ms MS]");
            }
            i++;
        }
        if (cluster == null) {
            throw new IllegalArgumentException("usage: --redis URI [--processes N] [--queues a,b] [--name NAME] [--lease-ms MS]");
        }
        if (name != null) {
            cluster = cluster.name(name);
        }
        if (lease != null) {
            cluster = cluster.lease(java.time.Duration.ofMillis(lease));
        }
        builder = builder(cluster);
        if (processes != null) {
            builder.processes(processes);
        }
        if (queues != null) {
            builder.queues(queues.split(","));
        }
        Worker worker = builder.start();
        System.out.println("spindle worker " + worker.id() + " serving " + builder.queues + " of " + cluster);
        Runtime.getRuntime().addShutdownHook(new Thread(worker::close));
        Thread.currentThread().join(); // the worker's threads do the work until the JVM is told to stop
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
