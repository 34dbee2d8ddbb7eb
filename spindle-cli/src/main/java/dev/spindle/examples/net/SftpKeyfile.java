package dev.spindle.examples.net;

import dev.spindle.examples.Example;

/** {@link SftpPassword} on a {@code Transport} logged in with an RSA key read from ~/.ssh/id_rsa (made for the run). */
public final class SftpKeyfile extends Example {
    public SftpKeyfile() {
        super("sftp-keyfile", "SFTP with an RSA key file: a file put and one got, each the same bytes as its original");
    }

    @Override
    public void run(String... args) throws Exception {
        SshSeed.session(true, SshSeed::putAndGet);
    }
}
