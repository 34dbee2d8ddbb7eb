package dev.spindle.examples.net;

import dev.spindle.examples.Example;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * The seed's {@code Haproxy}: connect one {@code Transport}; write a local file named by a uuid
 * holding "sb"; upload it over SFTP as tttttttttttt.py; rename it to ooooooooo.py by running
 * {@code mv} over the same transport; close. The seed's /home/wupeiqi is the local server's user's
 * home, which is SFTP's root and where commands start, so the port names both files relative to it.
 * The local uuid file is left behind, as in the seed (it is made in a temporary directory here).
 */
public final class SshUploadRename extends Example {
    static final String UPLOADED = "tttttttttttt.py";
    static final String RENAMED = "ooooooooo.py";

    public SshUploadRename() {
        super("ssh-upload-rename", "one SSH session shared by SFTP (upload) and exec (mv): the file arrives renamed");
    }

    @Override
    public void run(String... args) throws Exception {
        Path clientDir = Files.createTempDirectory("spindle-haproxy-");
        try (LocalSshServer server = SshSeed.server(Optional.empty())) {
            new Haproxy(server.host(), clientDir).run();
            Path home = server.home();
            System.out.println("on the server: " + RENAMED + " exists: " + Files.exists(home.resolve(RENAMED))
                    + ", holds " + (Files.exists(home.resolve(RENAMED)) ? "\"" + Files.readString(home.resolve(RENAMED)) + "\"" : "nothing")
                    + "; " + UPLOADED + " exists: " + Files.exists(home.resolve(UPLOADED)));
            try (var left = Files.list(clientDir)) {
                System.out.println("left behind locally: " + left.map(p -> p.getFileName().toString()).toList());
            }
        } finally {
            SshSeed.delete(clientDir);
        }
    }

    /** The seed's class: one transport for the upload and the rename. */
    private static final class Haproxy {
        private final SshHost host;
        private final Path localDir;
        private SshConnection transport;

        Haproxy(SshHost host, Path localDir) {
            this.host = host;
            this.localDir = localDir;
        }

        void run() throws IOException, TimeoutException {
            connect();
            try {
                upload();
                rename();
            } finally {
                close();
            }
        }

        private void connect() throws IOException {
            transport = SshConnection.open(host, SshSeed.PASSWORD_LOGIN, SshSeed.TIMEOUT);
            System.out.println("connected to " + host + " as " + SshSeed.PASSWORD_LOGIN);
        }

        private Path createFile() throws IOException {
            return Files.writeString(localDir.resolve(UUID.randomUUID().toString()), "sb", StandardCharsets.UTF_8);
        }

        private void upload() throws IOException {
            Path file = createFile();
            try (SftpSession sftp = transport.sftp()) {
                sftp.put(file, UPLOADED);
            }
            System.out.println("uploaded " + file.getFileName() + " as " + UPLOADED + " over SFTP");
        }

        private void rename() throws IOException, TimeoutException {
            CommandResult mv = transport.exec("mv " + UPLOADED + " " + RENAMED);
            System.out.println("ran '" + mv.command() + "' over the same session: exit status " + mv.exitStatus());
        }

        private void close() throws IOException {
            transport.close();
        }
    }
}
