package dev.spindle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The observable points of the `ssh` rows of seed-programs.md, each demo against its own local SSH
 * server: df's output comes back over exec, SFTP copies keep their bytes, and one session carries
 * both the upload and the rename.
 */
class SshExamplesTest {
    private static final String TRUST = "the client knows its host key (SHA256:";
    private static final String DF_HEADER = "Mounted on";

    private static DemoRun ok(String id) throws Exception {
        DemoRun run = DemoRun.of(id, 1);
        assertThat(run.exitCode()).as(run.output()).isZero();
        return run;
    }

    @Test
    void sshExecPasswordReadsDfsOutputThenCloses() throws Exception {
        DemoRun run = ok("ssh-exec-password");
        assertThat(run.output()).containsSubsequence(TRUST, "logged in as wupeiqi with a password", "connection closed",
                "characters of df output, exit status 0; its first line: Filesystem");
        assertThat(run.output()).contains(DF_HEADER);
    }

    @Test
    void sshTransportExecPasswordPrintsDfsOutput() throws Exception {
        DemoRun run = ok("ssh-transport-exec-password");
        assertThat(run.output()).containsSubsequence(TRUST, "logged in as wupeiqi with a password",
                "Filesystem", DF_HEADER, "df exited with 0");
        assertThat(run.lines().stream().filter(l -> l.startsWith("/") || l.startsWith("tmpfs")).count()).isPositive();
    }

    @Test
    void sshExecKeyfileLogsInWithTheKeyFromTheFileAndPrintsDf() throws Exception {
        DemoRun run = ok("ssh-exec-keyfile");
        assertThat(run.output()).containsSubsequence(TRUST, "generated an RSA key",
                "logged in as wupeiqi with an RSA key read from ~/.ssh/id_rsa", DF_HEADER, "df exited with 0");
    }

    @Test
    void sshTransportExecKeyfileRunsDfWithoutPrintingIt() throws Exception {
        DemoRun run = ok("ssh-transport-exec-keyfile");
        assertThat(run.output()).containsSubsequence(TRUST, "generated an RSA key",
                "logged in as wupeiqi with an RSA key read from ~/.ssh/id_rsa", "df ran: exit status 0");
        assertThat(run.output()).doesNotContain(DF_HEADER);
    }

    @Test
    void sshTransportExecKeystringRefusesTheSeedsGarbledKeyAndLogsInWithAParsedOne() throws Exception {
        DemoRun run = ok("ssh-transport-exec-keystring");
        assertThat(run.output()).containsSubsequence("the seed's key string does not parse",
                "its private half as a string begins -----BEGIN OPENSSH PRIVATE KEY-----", TRUST,
                "logged in as wupeiqi with an RSA key parsed from the string", DF_HEADER, "df exited with 0");
    }

    @Test
    void sftpPasswordPutsAndGetsTheSameBytes() throws Exception {
        assertSftp(ok("sftp-password"), "logged in as wupeiqi with a password");
    }

    @Test
    void sftpKeyfilePutsAndGetsTheSameBytes() throws Exception {
        assertSftp(ok("sftp-keyfile"), "logged in as wupeiqi with an RSA key read from ~/.ssh/id_rsa");
    }

    private static void assertSftp(DemoRun run, String login) {
        assertThat(run.output()).containsSubsequence(TRUST, login,
                "put location.py -> /tmp/test.py: 18 bytes; the server's copy has the same bytes: true",
                "get remove_path -> local_path: 26 bytes; the local copy has the same bytes: true");
    }

    @Test
    void sshUploadRenameUploadsAndRenamesOverOneSessionLeavingTheLocalFile() throws Exception {
        DemoRun run = ok("ssh-upload-rename");
        String uuid = run.all("uploaded ([0-9a-f-]{36}) as tttttttttttt.py over SFTP").getFirst();
        assertThat(run.output()).containsSubsequence(TRUST, "connected to 127.0.0.1:",
                "ran 'mv tttttttttttt.py ooooooooo.py' over the same session: exit status 0",
                "on the server: ooooooooo.py exists: true, holds \"sb\"; tttttttttttt.py exists: false",
                "left behind locally: [" + uuid + "]");
    }
}
