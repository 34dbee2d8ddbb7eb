package dev.spindle.cli;

import dev.spindle.examples.net.LocalSshServer;
import dev.spindle.examples.net.ParallelSsh;
import dev.spindle.examples.net.SshHost;
import dev.spindle.examples.net.SshLogin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.sshd.common.config.keys.PublicKeyEntry;

/**
 * {@code ssh.exec_20hosts_s}: one command ({@code echo ok}) on 20 local SSH servers at once
 * ({@link ParallelSsh}, a virtual thread per host), each connection checking its host key and logging
 * in with a password; and {@code ssh.exec_20hosts_serial_s}, the same one host after another. The 20
 * servers (MINA SSHD, in this JVM) serve both Spindle's runs and CPython's (paramiko, from Debian's
 * python3-paramiko), which finds them in the known_hosts file written to {@link #KNOWN_HOSTS}.
 */
final class SshBench {
    static final int HOSTS = 20;
    static final String USER = "wupeiqi";
    static final String PASSWORD = "123";
    static final String COMMAND = "echo ok";
    /** Where the CPython script (cpython_ssh_bench.py) reads the servers' addresses and host keys. */
    static final Path KNOWN_HOSTS = Path.of(System.getProperty("java.io.tmpdir"), "spindle-ssh-bench-known_hosts");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final SshLogin LOGIN = new SshLogin.Password(USER, PASSWORD);

    private SshBench() {}

    static void run(int runs, Report report) throws Exception {
        List<LocalSshServer> servers = new ArrayList<>();
        try {
            // Started by the first figure measured (bench --only may measure none of them).
            report.figure("ssh.exec_20hosts_s", "s", runs, () -> {
                List<SshHost> hosts = serving(servers);
                return Workload.warmed(() -> seconds(() -> ParallelSsh.run(hosts, TIMEOUT, LOGIN, COMMAND)), 1);
            });
            report.figure("ssh.exec_20hosts_serial_s", "s", runs, () -> {
                List<SshHost> hosts = serving(servers);
                return Workload.warmed(() -> seconds(() -> ParallelSsh.runInTurn(hosts, TIMEOUT, LOGIN, COMMAND)), 1);
            });
        } finally {
            Files.deleteIfExists(KNOWN_HOSTS);
            for (LocalSshServer server : servers) {
                server.close();
            }
        }
    }

    /** The hosts of {@code servers}, starting them (and writing their known_hosts) the first time. */
    private static List<SshHost> serving(List<LocalSshServer> servers) throws Exception {
        if (servers.isEmpty()) {
            for (int i = 0; i < HOSTS; i++) {
                servers.add(LocalSshServer.start(USER, PASSWORD, Optional.empty()));
            }
            writeKnownHosts(servers.stream().map(LocalSshServer::host).toList());
        }
        return servers.stream().map(LocalSshServer::host).toList();
    }

    /** One known_hosts line per server, as OpenSSH writes one for a port other than 22. */
    private static void writeKnownHosts(List<SshHost> hosts) throws Exception {
        List<String> lines = new ArrayList<>();
        for (SshHost host : hosts) {
            lines.add("[" + host.address() + "]:" + host.port() + " " + PublicKeyEntry.toString(host.hostKey()));
        }
        Files.write(KNOWN_HOSTS, lines);
    }

    /** Times one run of the job; every host must have answered "ok". */
    private static double seconds(Job job) throws Exception {
        long t0 = System.nanoTime();
        List<ParallelSsh.Outcome> outcomes = job.run();
        double seconds = (System.nanoTime() - t0) / 1e9;
        for (ParallelSsh.Outcome outcome : outcomes) {
            if (!(outcome instanceof ParallelSsh.Outcome.Done done) || !done.result().stdout().equals("ok\n")) {
                throw new IllegalStateException("ssh bench: " + outcome);
            }
        }
        return seconds;
    }

    @FunctionalInterface
    private interface Job {
        List<ParallelSsh.Outcome> run() throws Exception;
    }
}
