package dev.spindle.examples.net;

import dev.spindle.examples.Example;

/**
 * The seed's {@code SFTPClient} on a password {@code Transport}: {@code put('/tmp/location.py',
 * '/tmp/test.py')}, then {@code get('remove_path', 'local_path')}. The server's SFTP root is its
 * user's home, a temporary directory; the port checks each copy against its original byte for byte.
 */
public final class SftpPassword extends Example {
    public SftpPassword() {
        super("sftp-password", "SFTP with a password: a file put to the server and one got from it, each the same bytes as its original");
    }

    @Override
    public void run(String... args) throws Exception {
        SshSeed.session(false, SshSeed::putAndGet);
    }
}
