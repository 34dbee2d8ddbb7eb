package dev.spindle.examples.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.apache.sshd.common.SshException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link SshConnection} against a real {@link LocalSshServer} on 127.0.0.1: exec's three results, and
 * the faults (a wrong password or key, an unknown host key, a server that stops answering in the middle
 * of a command, a command that stalls), each a
 * clear exception within the timeout, never a hang.
 */
@Timeout(60)
class SshConnectionTest {
    private static final String USER = "wupeiqi";
    private static final String PASSWORD = "123";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static KeyPair userKey;
    private static LocalSshServer server;

    @BeforeAll
    static void startServer() throws Exception {
        userKey = SshKeys.generateUserKey();
        server = LocalSshServer.start(USER, PASSWORD, Optional.of(userKey.getPublic()));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private static SshConnection password() throws Exception {
        return SshConnection.open(server.host(), new SshLogin.Password(USER, PASSWORD), TIMEOUT);
    }

    @Test
    void execGivesStdoutStderrAndTheExitStatusApart() throws Exception {
        try (SshConnection ssh = password()) {
            CommandResult echo = ssh.exec("echo 'hello  world'");
            assertThat(echo).isEqualTo(new CommandResult("echo 'hello  world'", "hello  world\n", "", 0));

            CommandResult missing = ssh.exec("ls no-such-file");
            assertThat(missing.stdout()).isEmpty();
            assertThat(missing.stderr()).contains("no-such-file");
            assertThat(missing.exitStatus()).isEqualTo(2);

            CommandResult unknown = ssh.exec("no-such-program-xyz");
            assertThat(unknown.exitStatus()).isEqualTo(127);
            assertThat(unknown.stderr()).contains("no-such-program-xyz");
        }
    }

    @Test
    void commandsRunInTheHomeThatSftpServesAsItsRoot() throws Exception {
        try (SshConnection ssh = password()) {
            assertThat(ssh.exec("pwd").stdout().strip()).isEqualTo(server.home().toRealPath().toString());
        }
    }

    @Test
    void aKeyFromAFileAndTheSameKeyFromAStringBothLogIn() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("ssh-key-test-");
        try {
            KeyPair fromFile = SshKeys.read(SshKeys.writeOpenSsh(userKey, dir.resolve("id_rsa")));
            KeyPair fromString = SshKeys.parse(SshKeys.toOpenSsh(userKey));
            for (KeyPair key : java.util.List.of(fromFile, fromString)) {
                try (SshConnection ssh = SshConnection.open(server.host(), new SshLogin.Key(USER, key), TIMEOUT)) {
                    assertThat(ssh.exec("echo in").stdout()).isEqualTo("in\n");
                }
            }
        } finally {
            LocalSshServer.deleteTree(dir);
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThatThrownBy(() -> SshConnection.open(server.host(), new SshLogin.Password(USER, "wrong"), TIMEOUT))
                .isInstanceOf(SshException.class)
                .hasMessageContaining("No more authentication methods available");
    }

    @Test
    void aKeyTheServerDoesNotKnowIsRefused() throws Exception {
        KeyPair stranger = SshKeys.generateUserKey();
        assertThatThrownBy(() -> SshConnection.open(server.host(), new SshLogin.Key(USER, stranger), TIMEOUT))
                .isInstanceOf(SshException.class)
                .hasMessageContaining("No more authentication methods available");
    }

    @Test
    void aServerWhoseHostKeyIsNotTheKnownOneIsRefusedBeforeLoggingIn() throws Exception {
        SshHost impostor = new SshHost("127.0.0.1", server.port(), SshKeys.generateHostKey().getPublic());
        assertThatThrownBy(() -> SshConnection.open(impostor, new SshLogin.Password(USER, PASSWORD), TIMEOUT))
                .isInstanceOf(SshException.class)
                .hasMessageContaining("did not validate");
    }

    @Test
    void aServerThatStopsAnsweringInTheMiddleOfACommandIsATimeoutNotAHang() throws Exception {
        Path started = fifo("started");
        Path resume = fifo("resume");
        try (FreezingRelay relay = new FreezingRelay(server.port());
                SshConnection ssh = SshConnection.open(new SshHost("127.0.0.1", relay.port(), server.hostKey()),
                        new SshLogin.Password(USER, PASSWORD), Duration.ofSeconds(2))) {
            // The command says it has started, then waits for the relay to freeze before it finishes.
            Thread freezer = Thread.ofVirtual().start(() -> {
                try {
                    Files.readString(started);
                    relay.freeze();
                    Files.writeString(resume, "go\n");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertThatThrownBy(() -> ssh.exec("sh -c 'echo started; echo up > started; read go < resume; echo done'"))
                    .isInstanceOf(TimeoutException.class)
                    .hasMessageContaining("did not finish within PT2S");
            freezer.join();
        } finally {
            Files.deleteIfExists(started);
            Files.deleteIfExists(resume);
        }
    }

    private static Path fifo(String name) throws Exception {
        Path path = server.home().resolve(name);
        assertThat(new ProcessBuilder("mkfifo", path.toString()).start().waitFor()).isZero();
        return path;
    }

    @Test
    void aCommandThatStopsAnsweringMidwayTimesOutAndTheSessionGoesOn() throws Exception {
        try (SshConnection ssh = SshConnection.open(server.host(), new SshLogin.Password(USER, PASSWORD), Duration.ofSeconds(1))) {
            assertThatThrownBy(() -> ssh.exec("sh -c 'echo started; exec sleep 600'"))
                    .isInstanceOf(TimeoutException.class)
                    .hasMessageContaining("did not finish within PT1S (it wrote 8 bytes so far)");
            assertThat(ssh.exec("echo still here").stdout()).isEqualTo("still here\n");
        }
    }
}
