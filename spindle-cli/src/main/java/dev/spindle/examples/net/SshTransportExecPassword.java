package dev.spindle.examples.net;

import dev.spindle.examples.Example;

/**
 * The seed's {@code paramiko.Transport} with a password, an {@code SSHClient} running {@code df} over
 * it, {@code print stdout.read()}, close. In MINA SSHD the transport is the {@link SshConnection}'s
 * session. The seed's Python 2 {@code print} statement is a SyntaxError on Python 3; the port prints.
 */
public final class SshTransportExecPassword extends Example {
    public SshTransportExecPassword() {
        super("ssh-transport-exec-password", "an SSH transport with a password: df's output printed");
    }

    @Override
    public void run(String... args) throws Exception {
        SshSeed.session(false, (server, transport, clientDir) -> SshSeed.printDf(transport.exec("df")));
    }
}
