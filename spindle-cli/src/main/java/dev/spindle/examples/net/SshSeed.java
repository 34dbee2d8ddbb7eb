package dev.spindle.examples.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * What the eight paramiko seeds share: their account (wupeiqi / 123), a {@link LocalSshServer} in
 * place of c1.salt.com, the id_rsa they read, and what they do with {@code df} and SFTP.
 */
final class SshSeed {
    static final String USER = "wupeiqi";
    static final String PASSWORD = "123";
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final SshLogin PASSWORD_LOGIN = new SshLogin.Password(USER, PASSWORD);

    private SshSeed() {}

    /** Starts the seed's server, accepting the password and {@code authorizedKey}, and says which host key the client trusts. */
    static LocalSshServer server(Optional<PublicKey> authorizedKey) throws IOException, GeneralSecurityException {
        LocalSshServer server = LocalSshServer.start(USER, PASSWORD, authorizedKey);
        System.out.println("SSH server on " + server.host() + "; the client knows its host key (" + server.host().fingerprint()
                + ") and accepts no other");
        return server;
    }

    /** A new RSA key written as the client's ~/.ssh/id_rsa in {@code clientHome}. */
    static Path writeIdRsa(KeyPair key, Path clientHome) throws IOException, GeneralSecurityException {
        Path file = SshKeys.writeOpenSsh(key, Files.createDirectories(clientHome.resolve(".ssh")).resolve("id_rsa"));
        System.out.println("generated an RSA key; wrote its private half to ~/.ssh/id_rsa and its public half to the server's authorized keys");
        return file;
    }

    /** What a demo does once logged in. */
    @FunctionalInterface
    interface LoggedIn {
        void run(LocalSshServer server, SshConnection ssh, Path clientDir) throws Exception;
    }

    /**
     * Starts the seed's server, logs in to it and runs {@code body}: with the password, or (if
     * {@code withKeyFile}) with an RSA key made for the run, which the server authorizes and the client
     * reads back from ~/.ssh/id_rsa in its temporary directory; then closes everything.
     */
    static void session(boolean withKeyFile, LoggedIn body) throws Exception {
        Optional<KeyPair> generated = withKeyFile ? Optional.of(SshKeys.generateUserKey()) : Optional.empty();
        Path clientDir = Files.createTempDirectory("spindle-ssh-client-");
        try (LocalSshServer server = server(generated.map(KeyPair::getPublic))) {
            SshLogin login = PASSWORD_LOGIN;
            String from = "";
            if (generated.isPresent()) {
                login = new SshLogin.Key(USER, SshKeys.read(writeIdRsa(generated.get(), clientDir)));
                from = " read from ~/.ssh/id_rsa";
            }
            try (SshConnection ssh = SshConnection.open(server.host(), login, TIMEOUT)) {
                System.out.println("logged in as " + login + from);
                body.run(server, ssh, clientDir);
            }
        } finally {
            delete(clientDir);
        }
    }

    /** Prints what {@code df} wrote and how it exited. */
    static void printDf(CommandResult df) {
        System.out.print(df.stdout());
        System.out.println("df exited with " + df.exitStatus());
    }

    /**
     * The SFTP seeds: {@code put('/tmp/location.py', '/tmp/test.py')}, then {@code get('remove_path',
     * 'local_path')}, comparing each copy with its original byte for byte (the server's files are on
     * this machine, under its home).
     */
    static void putAndGet(LocalSshServer server, SshConnection ssh, Path clientDir) throws IOException {
        Path location = Files.writeString(clientDir.resolve("location.py"), "print('location')\n", StandardCharsets.UTF_8);
        Files.createDirectories(server.home().resolve("tmp"));
        Path remove = Files.writeString(server.home().resolve("remove_path"), "remote file, 远程文件\n", StandardCharsets.UTF_8);
        Path local = clientDir.resolve("local_path");
        try (SftpSession sftp = ssh.sftp()) {
            long sent = sftp.put(location, "/tmp/test.py");
            System.out.println("put location.py -> /tmp/test.py: " + sent + " bytes; the server's copy has the same bytes: "
                    + sameBytes(location, server.home().resolve("tmp/test.py")));
            long received = sftp.get("remove_path", local);
            System.out.println("get remove_path -> local_path: " + received + " bytes; the local copy has the same bytes: "
                    + sameBytes(remove, local));
        }
    }

    static boolean sameBytes(Path a, Path b) throws IOException {
        return Files.exists(b) && Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    /** Deletes a client-side temporary directory and what is in it. */
    static void delete(Path dir) throws IOException {
        LocalSshServer.deleteTree(dir);
    }
}
