package dev.spindle.examples.net;

import dev.spindle.examples.Example;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Optional;

/**
 * The seed's {@code RSAKey.from_private_key_file('~/.ssh/id_rsa')} and an {@code SSHClient} that logs
 * in with it and runs {@code df}. The key is made for the run; the seed passes it as {@code key=},
 * which paramiko does not know ({@code pkey=} is its name), so the seed fails: the port logs in with it.
 */
public final class SshExecKeyfile extends Example {
    public SshExecKeyfile() {
        super("ssh-exec-keyfile", "SSH with an RSA key read from a file: df's output");
    }

    @Override
    public void run(String... args) throws Exception {
        KeyPair generated = SshKeys.generateUserKey();
        Path clientHome = Files.createTempDirectory("spindle-ssh-client-");
        try (LocalSshServer server = SshSeed.server(Optional.of(generated.getPublic()))) {
            SshLogin login = new SshLogin.Key(SshSeed.USER, SshKeys.read(SshSeed.writeIdRsa(generated, clientHome)));
            try (SshConnection ssh = SshConnection.open(server.host(), login, SshSeed.TIMEOUT)) {
                System.out.println("logged in as " + login + " read from ~/.ssh/id_rsa");
                SshSeed.printDf(ssh.exec("df"));
            }
        } finally {
            SshSeed.delete(clientHome);
        }
    }
}
