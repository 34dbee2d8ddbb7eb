package dev.spindle.examples.net;

import dev.spindle.examples.Example;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Optional;

/**
 * The seed's {@code Transport} logged in with {@code pkey=} an RSA key read from a file, running
 * {@code df} over it; the seed does not print the result, so the port says only that it ran and how.
 */
public final class SshTransportExecKeyfile extends Example {
    public SshTransportExecKeyfile() {
        super("ssh-transport-exec-keyfile", "an SSH transport with an RSA key file: df runs (its output is not printed)");
    }

    @Override
    public void run(String... args) throws Exception {
        KeyPair generated = SshKeys.generateUserKey();
        Path clientHome = Files.createTempDirectory("spindle-ssh-client-");
        try (LocalSshServer server = SshSeed.server(Optional.of(generated.getPublic()))) {
            SshLogin login = new SshLogin.Key(SshSeed.USER, SshKeys.read(SshSeed.writeIdRsa(generated, clientHome)));
            try (SshConnection transport = SshConnection.open(server.host(), login, SshSeed.TIMEOUT)) {
                System.out.println("transport open, logged in as " + login + " read from ~/.ssh/id_rsa");
                CommandResult df = transport.exec("df");
                System.out.println("df ran: exit status " + df.exitStatus() + ", " + df.stdout().lines().count()
                        + " lines of output (not printed, as in the seed)");
            }
        } finally {
            SshSeed.delete(clientHome);
        }
    }
}
