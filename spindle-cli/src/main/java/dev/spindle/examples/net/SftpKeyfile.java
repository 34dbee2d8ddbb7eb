package dev.spindle.examples.net;

import dev.spindle.examples.Example;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Optional;

/** {@link SftpPassword} on a {@code Transport} logged in with an RSA key read from ~/.ssh/id_rsa (made for the run). */
public final class SftpKeyfile extends Example {
    public SftpKeyfile() {
        super("sftp-keyfile", "SFTP with an RSA key file: a file put and one got, each the same bytes as its original");
    }

    @Override
    public void run(String... args) throws Exception {
        KeyPair generated = SshKeys.generateUserKey();
        Path clientDir = Files.createTempDirectory("spindle-sftp-client-");
        try (LocalSshServer server = SshSeed.server(Optional.of(generated.getPublic()))) {
            SshLogin login = new SshLogin.Key(SshSeed.USER, SshKeys.read(SshSeed.writeIdRsa(generated, clientDir)));
            try (SshConnection transport = SshConnection.open(server.host(), login, SshSeed.TIMEOUT)) {
                System.out.println("transport open, logged in as " + login + " read from ~/.ssh/id_rsa");
                SshSeed.putAndGet(server, transport, clientDir);
            }
        } finally {
            SshSeed.delete(clientDir);
        }
    }
}
