package dev.spindle.testing;

import dev.spindle.Context;
import dev.spindle.cluster.Cluster;
import dev.spindle.cluster.LocalRedis;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A cluster for tests: a real Redis and worker hosts, each a JVM of its own on the test class
 * path in a process group of its own (a "host" that can be SIGKILLed or SIGSTOPped whole). The
 * shared one — a Redis and one host of two processes — starts at first use and lives as long as
 * the test JVM; tests that harm hosts make their own cluster name and hosts.
 */
public final class ClusterFixture {
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static LocalRedis sharedRedis;
    private static Context shared;
    /** The processes that live as long as the test JVM: the shared Redis and host. */
    private static final java.util.Set<Long> LONG_LIVED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private ClusterFixture() {}

    /** The shared Redis, started at first use. */
    public static synchronized LocalRedis redis() {
        if (sharedRedis == null) {
            try {
                sharedRedis = LocalRedis.start(false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            LocalRedis server = sharedRedis;
            LONG_LIVED.add(server.pid());
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return sharedRedis;
    }

    /** The context of the shared cluster, with one worker host of two processes. */
    public static synchronized Context context() {
        if (shared == null) {
            Cluster cluster = Cluster.at(redis().uri()).name("shared");
            Host host = Host.start(cluster, 2);
            LONG_LIVED.add(host.jvm.pid());
            Runtime.getRuntime().addShutdownHook(new Thread(host::killGroup));
            shared = cluster.context();
        }
        return shared;
    }

    /** Whether {@code pid} is the shared Redis or host, which live as long as the test JVM. */
    public static boolean livesWithTheTestJvm(long pid) {
        return LONG_LIVED.contains(pid);
    }

    /** A cluster name no other test uses, so its keys are its own. */
    public static String freshName(String prefix) {
        return prefix + NAMES.incrementAndGet() + "-" + ProcessHandle.current().pid();
    }

    /** A worker host: {@code bin/spindle worker} as a JVM in a process group of its own. */
    public static final class Host implements AutoCloseable {
        private final ParentJvm jvm;

        private Host(ParentJvm jvm) {
            this.jvm = jvm;
        }

        /** Starts a host of {@code cluster} with {@code processes} child JVMs, and waits until it serves. */
        public static Host start(Cluster cluster, int processes) {
            return start(cluster, processes, System.getProperty("java.class.path"));
        }

        /** Starts a host whose class path lacks the test classes: it cannot load the tests' functions. */
        public static Host startWithoutTestClasses(Cluster cluster, int processes) {
            String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                    .filter(entry -> !entry.endsWith("test-classes")).collect(Collectors.joining(File.pathSeparator));
            return start(cluster, processes, classPath);
        }

        private static Host start(Cluster cluster, int processes, String classPath) {
            List<String> command = new ArrayList<>(List.of("setsid",
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED", "-cp", classPath,
                    "dev.spindle.cluster.Worker", "--redis", cluster.redis().toString(), "--name", cluster.name(),
                    "--processes", Integer.toString(processes), "--queues", cluster.queue(),
                    "--lease-ms", Long.toString(cluster.lease().toMillis())));
            try {
                Host host = new Host(ParentJvm.command(command));
                Deadlines.await("the worker host serves", Deadlines.CHILD, () -> {
                    if (!host.jvm.isAlive()) {
                        throw new AssertionError("the worker host exited: " + host.jvm.output());
                    }
                    return host.jvm.output().contains("serving");
                });
                return host;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Everything the host printed. */
        public String output() {
            return jvm.output();
        }

        public boolean isAlive() {
            return jvm.isAlive();
        }

        /** SIGKILLs the host's whole process group: the host and its child JVMs, as a machine that dies. */
        public void killGroup() {
            signalGroup("KILL");
        }

        /** SIGSTOPs the whole group. */
        public void stopGroup() {
            signalGroup("STOP");
        }

        /** SIGCONTs the whole group. */
        public void continueGroup() {
            signalGroup("CONT");
        }

        private void signalGroup(String signal) {
            try {
                // "no such process" when it is gone already: nothing to say
                new ProcessBuilder("kill", "-" + signal, "--", "-" + jvm.pid()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Waits for the host to exit by itself, at most {@code timeout}; its status. */
        public int waitFor(Duration timeout) throws InterruptedException {
            return jvm.waitFor(timeout);
        }

        @Override
        public void close() {
            killGroup();
            jvm.close();
        }
    }
}
