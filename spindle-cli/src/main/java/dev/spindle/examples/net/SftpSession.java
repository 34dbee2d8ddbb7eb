package dev.spindle.examples.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.sshd.sftp.client.SftpClient;

/** SFTP over an {@link SshConnection}'s session: paramiko's {@code SFTPClient} with {@code put} and {@code get}. */
public final class SftpSession implements AutoCloseable {
    private final SftpClient sftp;

    SftpSession(SftpClient sftp) {
        this.sftp = sftp;
    }

    /** Uploads the local file to {@code remotePath}, replacing what is there; returns the bytes sent. */
    public long put(Path local, String remotePath) throws IOException {
        try (OutputStream remote = sftp.write(remotePath)) {
            return Files.copy(local, remote);
        }
    }

    /** Downloads {@code remotePath} to the local file, replacing it; returns the bytes received. */
    public long get(String remotePath, Path local) throws IOException {
        try (InputStream remote = sftp.read(remotePath)) {
            return Files.copy(remote, local, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Closes the SFTP channel; the session stays open. */
    @Override
    public void close() throws IOException {
        sftp.close();
    }
}
