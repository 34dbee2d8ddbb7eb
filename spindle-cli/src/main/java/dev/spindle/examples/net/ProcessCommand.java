package dev.spindle.examples.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.command.CommandFactory;

/**
 * What {@link LocalSshServer} runs for an exec request: the command line split into words (quotes
 * keep a word whole; there is no shell, so no globs, pipes or variables) and started with
 * {@link ProcessBuilder} in the user's home directory. Its stdout and stderr go to the channel's, the
 * channel's stdin to it, and its exit status back to the client; a program that does not exist exits
 * with 127 and says so on stderr, as a shell would. Closing the channel kills the process.
 */
final class ProcessCommand implements Command {
    private final String commandLine;
    private final Path home;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private volatile Process process;

    ProcessCommand(String commandLine, Path home) {
        this.commandLine = commandLine;
        this.home = home;
    }

    /** The factory that makes one for each exec request, all starting in {@code home}. */
    static CommandFactory factory(Path home) {
        return (channel, commandLine) -> new ProcessCommand(commandLine, home);
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        Thread.ofVirtual().name("ssh-exec " + commandLine).start(this::runToExit);
    }

    private void runToExit() {
        int status;
        try {
            Process started = new ProcessBuilder(CommandFactory.split(commandLine)).directory(home.toFile()).start();
            process = started;
            Thread input = Thread.ofVirtual().start(() -> pump(in, started.getOutputStream(), true));
            Thread error = Thread.ofVirtual().start(() -> pump(started.getErrorStream(), err, false));
            pump(started.getInputStream(), out, false);
            error.join();
            status = started.waitFor();
            input.interrupt();
        } catch (IOException notStarted) {
            status = 127;
            try {
                err.write((commandLine + ": " + notStarted.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
                err.flush();
            } catch (IOException channelGone) {
                // the client has gone: nobody to tell
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 130;
        }
        exit.onExit(status);
    }

    /** Copies until the end of {@code from}; {@code closeTarget} passes the end on (the process's stdin). */
    private static void pump(InputStream from, OutputStream to, boolean closeTarget) {
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = from.read(buffer)) >= 0; ) {
                to.write(buffer, 0, n);
                to.flush();
            }
            if (closeTarget) {
                to.close();
            }
        } catch (IOException closed) {
            // the process or the channel ended first: the other side's end is what counts
        }
    }

    @Override
    public void destroy(ChannelSession channel) {
        Process running = process;
        if (running != null) {
            running.descendants().forEach(ProcessHandle::destroyForcibly);
            running.destroyForcibly();
        }
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }
}
