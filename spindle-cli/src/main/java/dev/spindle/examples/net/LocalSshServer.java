package dev.spindle.examples.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real SSH server (Apache MINA SSHD) on 127.0.0.1, on a port the OS picks, standing in for the
 * seed's c1.salt.com:22. It has one user, who logs in with a password or with the one public key
 * given (its authorized_keys), and a host key made for this server, which a client must be told
 * ({@link #hostKey()}). The user's home is a new temporary directory: exec requests run there as a
 * {@link ProcessCommand} (no interactive shell), and the SFTP subsystem serves it as its root, so a
 * path relative to the home names the same file to both.
 */
public final class LocalSshServer implements AutoCloseable {
    static {
        SshLogging.quiet();
    }

    private final SshServer server;
    private final KeyPair hostKey;
    private final Path home;

    private LocalSshServer(SshServer server, KeyPair hostKey, Path home) {
        this.server = server;
        this.hostKey = hostKey;
        this.home = home;
    }

    /**
     * Starts a server for {@code user}, who may log in with {@code password} or with the private key
     * of {@code authorizedKey} (if present).
     */
    public static LocalSshServer start(String user, String password, Optional<PublicKey> authorizedKey)
            throws IOException, GeneralSecurityException {
        KeyPair hostKey = SshKeys.generateHostKey();
        Path home = Files.createTempDirectory("spindle-ssh-home-");
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator((login, secret, session) -> login.equals(user) && secret.equals(password));
        server.setPublickeyAuthenticator((login, key, session) ->
                login.equals(user) && authorizedKey.filter(k -> KeyUtils.compareKeys(k, key)).isPresent());
        server.setCommandFactory(ProcessCommand.factory(home));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(home));
        server.start();
        return new LocalSshServer(server, hostKey, home);
    }

    /** The port the OS gave the server. */
    public int port() {
        return server.getPort();
    }

    /** The server's public host key: what a client's known_hosts holds for it. */
    public PublicKey hostKey() {
        return hostKey.getPublic();
    }

    /** The address, port and host key a client needs to connect and check it is talking to this server. */
    public SshHost host() {
        return new SshHost("127.0.0.1", port(), hostKey());
    }

    /** The user's home directory on this machine: SFTP's {@code /}, and where commands start. */
    public Path home() {
        return home;
    }

    /** Stops listening and closes every session; the home directory and its files are deleted. */
    @Override
    public void close() throws IOException {
        try {
            server.stop(true);
        } finally {
            deleteTree(home);
        }
    }

    /** Deletes a directory and everything in it. */
    static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
