package dev.spindle.examples.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClientFactory;

/**
 * One logged-in SSH session (paramiko's {@code Transport}, or an {@code SSHClient} after
 * {@code connect}): commands and SFTP share it. The server's host key is checked against the key the
 * caller was given for it, and a server presenting any other key is refused before a password or key
 * is sent. Every wait is bounded by the connection's timeout: connecting, logging in, and each command.
 */
public final class SshConnection implements AutoCloseable {
    static {
        SshLogging.quiet();
    }

    private final SshClient ownClient;
    private final ClientSession session;
    private final Duration timeout;

    private SshConnection(SshClient ownClient, ClientSession session, Duration timeout) {
        this.ownClient = ownClient;
        this.session = session;
        this.timeout = timeout;
    }

    /**
     * A started client that knows exactly these hosts' keys (its known_hosts), to share between many
     * connections; the caller closes it.
     */
    public static SshClient client(List<SshHost> knownHosts) {
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(new KnownHostKeys(knownHosts));
        client.start();
        return client;
    }

    /**
     * Connects to {@code host}, checks its host key, and logs in, each step within {@code timeout}.
     *
     * @throws IOException a refused connection, an unknown host key, a refused login, or a step that
     *                     timed out ({@code SshException})
     */
    public static SshConnection open(SshHost host, SshLogin login, Duration timeout) throws IOException {
        SshClient client = client(List.of(host));
        try {
            return open(client, client, host, login, timeout);
        } catch (IOException | RuntimeException e) {
            client.stop();
            throw e;
        }
    }

    /** As {@link #open(SshHost, SshLogin, Duration)}, on a shared {@link #client}, which must know {@code host}'s key. */
    public static SshConnection open(SshClient client, SshHost host, SshLogin login, Duration timeout) throws IOException {
        return open(client, null, host, login, timeout);
    }

    private static SshConnection open(SshClient client, SshClient own, SshHost host, SshLogin login, Duration timeout)
            throws IOException {
        ClientSession session = client.connect(login.user(), host.address(), host.port()).verify(timeout).getSession();
        try {
            login.offerTo(session);
            session.auth().verify(timeout);
            return new SshConnection(own, session, timeout);
        } catch (IOException | RuntimeException e) {
            session.close(true);
            throw e;
        }
    }

    /**
     * Runs {@code command} on the server and reads all its output: paramiko's {@code exec_command}
     * then {@code read()} of stdout and stderr and the exit status.
     *
     * @throws TimeoutException the command did not end within the timeout (the server stopped
     *                          answering, or the command runs on); its channel is closed
     * @throws IOException      the session failed, or the server closed the channel without an exit status
     */
    public CommandResult exec(String command) throws IOException, TimeoutException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ChannelExec channel = session.createExecChannel(command)) {
            channel.setOut(out);
            channel.setErr(err);
            channel.open().verify(timeout);
            Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), timeout);
            if (events.contains(ClientChannelEvent.TIMEOUT)) {
                throw new TimeoutException("'" + command + "' did not finish within " + timeout + " (it wrote "
                        + out.size() + " bytes so far)");
            }
            Integer status = channel.getExitStatus();
            if (status == null) {
                throw new IOException("'" + command + "': the channel closed without an exit status");
            }
            return new CommandResult(command, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), status);
        }
    }

    /** Opens SFTP on this session (paramiko's {@code SFTPClient.from_transport}). */
    public SftpSession sftp() throws IOException {
        return new SftpSession(SftpClientFactory.instance().createSftpClient(session));
    }

    /** Closes the session, and the client if this connection made its own. */
    @Override
    public void close() throws IOException {
        try {
            session.close();
        } finally {
            if (ownClient != null) {
                ownClient.stop();
            }
        }
    }
}
