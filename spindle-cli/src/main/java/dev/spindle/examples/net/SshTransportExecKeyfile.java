package dev.spindle.examples.net;

import dev.spindle.examples.Example;

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
        SshSeed.session(true, (server, transport, clientDir) -> {
            CommandResult df = transport.exec("df");
            System.out.println("df ran: exit status " + df.exitStatus() + ", " + df.stdout().lines().count()
                    + " lines of output (not printed, as in the seed)");
        });
    }
}
