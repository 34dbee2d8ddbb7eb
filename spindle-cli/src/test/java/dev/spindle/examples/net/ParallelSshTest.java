package dev.spindle.examples.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.apache.sshd.common.SshException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link ParallelSsh}: one command on 20 real local SSH servers at once. Three of them go wrong (one
 * stopped, one presenting a host key nobody knows, one whose command never ends); each is reported as
 * failed, with its reason, within its own timeout, and the other seventeen answer.
 */
@Timeout(90)
class ParallelSshTest {
    private static final SshLogin LOGIN = new SshLogin.Password("wupeiqi", "123");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void everyHostAnswersOrIsReportedFailedWithoutStoppingTheOthers() throws Exception {
        List<LocalSshServer> servers = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                LocalSshServer server = LocalSshServer.start("wupeiqi", "123", Optional.empty());
                servers.add(server);
                Files.writeString(server.home().resolve("reply"), "host " + i + "\n");
            }
            List<SshHost> hosts = new ArrayList<>(servers.stream().map(LocalSshServer::host).toList());
            List<Duration> timeouts = new ArrayList<>(Collections.nCopies(20, TIMEOUT));
            servers.get(3).close(); // stopped: the connection is refused
            hosts.set(7, new SshHost("127.0.0.1", servers.get(7).port(), SshKeys.generateHostKey().getPublic()));
            Files.delete(servers.get(11).home().resolve("reply")); // a FIFO nobody writes: `cat` waits forever
            assertThat(new ProcessBuilder("mkfifo", servers.get(11).home().resolve("reply").toString()).start().waitFor()).isZero();
            timeouts.set(11, Duration.ofSeconds(1));

            List<ParallelSsh.Outcome> outcomes = ParallelSsh.run(hosts, timeouts, LOGIN, "cat reply");

            assertThat(outcomes).extracting(ParallelSsh.Outcome::host).containsExactlyElementsOf(hosts);
            for (int i = 0; i < 20; i++) {
                ParallelSsh.Outcome outcome = outcomes.get(i);
                switch (i) {
                    case 3 -> assertThat(failure(outcome)).isInstanceOf(java.io.IOException.class);
                    case 7 -> assertThat(failure(outcome)).isInstanceOf(SshException.class).hasMessageContaining("did not validate");
                    case 11 -> assertThat(failure(outcome)).satisfiesAnyOf( // its 1 s may run out while 20 log in at once
                            e -> assertThat(e).isInstanceOf(TimeoutException.class).hasMessageContaining("'cat reply' did not finish"),
                            e -> assertThat(e).isInstanceOf(SshException.class).hasMessageContaining("within specified timeout"));
                    default -> assertThat(outcome).isEqualTo(new ParallelSsh.Outcome.Done(hosts.get(i),
                            new CommandResult("cat reply", "host " + i + "\n", "", 0)));
                }
            }
        } finally {
            for (LocalSshServer server : servers) {
                if (server != servers.get(3)) {
                    server.close();
                }
            }
        }
    }

    private static Exception failure(ParallelSsh.Outcome outcome) {
        assertThat(outcome).isInstanceOf(ParallelSsh.Outcome.Failed.class);
        return ((ParallelSsh.Outcome.Failed) outcome).error();
    }
}
