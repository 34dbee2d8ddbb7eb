package dev.spindle.examples.net;

import dev.spindle.examples.Example;

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
        SshSeed.session(true, (server, ssh, clientDir) -> SshSeed.printDf(ssh.exec("df")));
    }
}
