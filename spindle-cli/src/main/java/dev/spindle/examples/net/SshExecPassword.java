package dev.spindle.examples.net;

import dev.spindle.examples.Example;
import java.util.Optional;

/**
 * The seed's {@code SSHClient} with a password: connect, {@code exec_command('df')}, read its stdout,
 * close. Offline, c1.salt.com is a {@link LocalSshServer}; where the seed's {@code AutoAddPolicy}
 * trusts whatever key a server shows, this client is given the server's host key and refuses any other.
 * The seed only reads the result: the port says how much it read and prints its first line.
 */
public final class SshExecPassword extends Example {
    public SshExecPassword() {
        super("ssh-exec-password", "SSH with a password to a local server: df runs there, its stdout is read, the connection closes");
    }

    @Override
    public void run(String... args) throws Exception {
        try (LocalSshServer server = SshSeed.server(Optional.empty())) {
            CommandResult df;
            try (SshConnection ssh = SshConnection.open(server.host(), SshSeed.PASSWORD_LOGIN, SshSeed.TIMEOUT)) {
                System.out.println("logged in as " + SshSeed.PASSWORD_LOGIN);
                df = ssh.exec("df");
            }
            System.out.println("connection closed");
            System.out.println("read " + df.stdout().length() + " characters of df output, exit status " + df.exitStatus()
                    + "; its first line: " + df.stdout().lines().findFirst().orElse(""));
        }
    }
}
