package dev.spindle.examples.net;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.sshd.client.SshClient;

/**
 * What paramiko's users build on it (fabric's and ansible's job): one command on many hosts at once,
 * each host on its own virtual thread over one shared client that knows every host's key. Each host has
 * its own timeout for each step (connect, log in, the command); a host that fails, refuses, or times
 * out is reported in its {@link Outcome} and does not stop the others.
 */
public final class ParallelSsh {
    private ParallelSsh() {}

    /** What one host did. */
    public sealed interface Outcome {
        SshHost host();

        /** The command ran to its end (whatever its exit status). */
        record Done(SshHost host, CommandResult result) implements Outcome {}

        /** The host could not be reached, refused us, or did not finish in time. */
        record Failed(SshHost host, Exception error) implements Outcome {}
    }

    /**
     * Runs {@code command} on every host at once and waits for all of them.
     *
     * @param timeouts each host's timeout, in the order of {@code hosts}
     * @return one outcome per host, in the order of {@code hosts}
     */
    public static List<Outcome> run(List<SshHost> hosts, List<Duration> timeouts, SshLogin login, String command)
            throws InterruptedException {
        if (hosts.size() != timeouts.size()) {
            throw new IllegalArgumentException(hosts.size() + " hosts but " + timeouts.size() + " timeouts");
        }
        SshClient client = SshConnection.client(hosts);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Outcome>> running = new ArrayList<>();
            for (int i = 0; i < hosts.size(); i++) {
                SshHost host = hosts.get(i);
                Duration timeout = timeouts.get(i);
                running.add(threads.submit(() -> onHost(client, host, timeout, login, command)));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> outcome : running) {
                outcomes.add(outcome.get());
            }
            return outcomes;
        } catch (ExecutionException cannotHappen) { // onHost catches every Exception
            throw new IllegalStateException(cannotHappen.getCause());
        } finally {
            client.stop();
        }
    }

    /** As {@link #run(List, List, SshLogin, String)}, with one timeout for every host. */
    public static List<Outcome> run(List<SshHost> hosts, Duration timeout, SshLogin login, String command)
            throws InterruptedException {
        return run(hosts, Collections.nCopies(hosts.size(), timeout), login, command);
    }

    /**
     * The same job one host after another, as a loop over paramiko clients does it: the yardstick for
     * {@link #run(List, Duration, SshLogin, String)}.
     *
     * @return one outcome per host, in the order of {@code hosts}
     */
    public static List<Outcome> runInTurn(List<SshHost> hosts, Duration timeout, SshLogin login, String command) {
        SshClient client = SshConnection.client(hosts);
        try {
            return hosts.stream().map(host -> onHost(client, host, timeout, login, command)).toList();
        } finally {
            client.stop();
        }
    }

    private static Outcome onHost(SshClient client, SshHost host, Duration timeout, SshLogin login, String command) {
        try (SshConnection ssh = SshConnection.open(client, host, login, timeout)) {
            return new Outcome.Done(host, ssh.exec(command));
        } catch (Exception e) {
            return new Outcome.Failed(host, e);
        }
    }
}
