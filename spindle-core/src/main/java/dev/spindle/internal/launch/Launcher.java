package dev.spindle.internal.launch;

import dev.spindle.internal.track.ProcessIdentity;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Starts child JVMs: {@code java [options] -cp <the parent's class path> ChildMain <socket> <ppid>}
 * with the launch token in the environment (not on the command line, which other users can read).
 *
 * <p>Every launch runs on one long-lived thread: the kernel's parent-death signal, which the child
 * asks for, fires when the <em>thread</em> that created the child ends, so that thread must live
 * as long as the JVM.
 */
final class Launcher {
    static final String TOKEN_ENV = "SPINDLE_TOKEN";

    /** Options every child gets: a small, quick-starting JVM. */
    private static final List<String> BASE_OPTIONS = List.of(
            "-XX:+UseSerialGC", "-XX:-UsePerfData", "--enable-native-access=ALL-UNNAMED");

    private static final ExecutorService LAUNCH_THREAD = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("spindle-launcher").factory());

    private Launcher() {}

    /** A started child that has not connected yet. */
    record Launched(Process process, ProcessIdentity identity, CompletableFuture<ControlChannel> connection) {}

    static Launched launch(List<String> jvmOptions, boolean warm) {
        ControlServer server = ControlServer.get();
        String token = server.newToken();
        CompletableFuture<ControlChannel> connection = server.connectionFor(token);
        List<String> command = command(jvmOptions, server.socketPath(), warm);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put(TOKEN_ENV, token);
        try {
            Process process = LAUNCH_THREAD.submit(builder::start).get();
            return new Launched(process, ProcessIdentity.of(process.pid()), connection);
        } catch (ExecutionException e) {
            server.forget(token);
            throw new UncheckedIOException("cannot start a child JVM: " + command.getFirst(),
                    e.getCause() instanceof IOException io ? io : new IOException(e.getCause()));
        } catch (InterruptedException e) {
            server.forget(token);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting a child JVM", e);
        }
    }

    static List<String> command(List<String> jvmOptions, Path socket, boolean warm) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(BASE_OPTIONS);
        command.addAll(AotCache.options(BASE_OPTIONS));
        command.addAll(inheritedProperties());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath());
        command.add(ChildMain.class.getName());
        command.add(socket.toString());
        command.add(Long.toString(ProcessHandle.current().pid()));
        command.add(warm ? ChildMain.MODE_WARM : ChildMain.MODE_SPAWN);
        return command;
    }

    /** The parent's class path, plus its module path (children always run on the class path). */
    static String classPath() {
        String classPath = System.getProperty("java.class.path", "");
        String modulePath = System.getProperty("jdk.module.path");
        if (modulePath != null && !modulePath.isEmpty()) {
            classPath = classPath.isEmpty() ? modulePath : classPath + File.pathSeparator + modulePath;
        }
        return classPath;
    }

    /** Output encodings and every {@code spindle.*} property reach the child as in the parent. */
    private static List<String> inheritedProperties() {
        List<String> options = new ArrayList<>();
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("spindle.") || key.equals("stdout.encoding") || key.equals("stderr.encoding")) {
                options.add("-D" + key + "=" + System.getProperty(key));
            }
        }
        return options;
    }
}
