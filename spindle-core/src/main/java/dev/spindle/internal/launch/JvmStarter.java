package dev.spindle.internal.launch;

import dev.spindle.internal.track.AtExit;
import dev.spindle.internal.track.BackgroundThreads;
import dev.spindle.internal.track.ProcessIdentity;
import dev.spindle.internal.track.ResourceTracker;
import dev.spindle.internal.transport.AuthKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Starts child JVMs for the launchers ({@link ChildLauncher}): {@code [setpriv --pdeathsig KILL --] java [options] -cp <class path>
 * ChildMain <report> <ppid> <mode> <death-signal> <parent's name> <preload>}, the class path from {@link ChildClassPath} and
 * the options from {@link InheritedOptions} and the caller. The child's stdin is a pipe from this JVM, private to the pair: the target goes down
 * it, and its EOF tells the child that the parent died. The child's stdout and stderr are ours.
 *
 * <p>Every launch runs on one long-lived thread: the kernel's parent-death signal, which the child
 * asks for, fires when the <em>thread</em> that created the child ends, so that thread must live
 * as long as the JVM.
 */
final class JvmStarter {
    /**
     * Options every child gets: a small, quick-starting JVM. {@code -Xrs} leaves SIGTERM, SIGINT
     * and SIGHUP at their default action, so a signal ends the child at once with no shutdown
     * hooks, as it ends a Python child (and, unlike the JVM's handler, also during JVM start-up).
     * {@code UserThreadWaitAttemptsAtExit=0}: HotSpot's exit otherwise waits, in 10 ms steps and
     * for up to 300 ms, for threads in native code, and a daemon thread blocked in a Spindle wait
     * (a futex, through FFM) or reading a pipe is in native code: such a child took 16 ms longer
     * to end (median). Python's exit does not wait for daemon threads either. {@link ChildMain}
     * relies on it: its parent watcher stays in its read of stdin until the end.
     * {@code ArchiveRelocationMode=0}: the class data archive (the JDK's, or the AOT cache) is
     * mapped where it asks, as before JDK 20, instead of at a random address, which rewrites every
     * pointer in it: its read-only part then stays clean file pages that all children share. Four
     * idle children: 5 MB less private memory each (20.7 to 15.6), PSS 24.9 to 21.1 MB. The cost
     * is a predictable address for that archive in children; a user's options may set it back.
     */
    static final List<String> BASE_OPTIONS = List.of(ChildCollector.SERIAL, "-XX:-UsePerfData", "-Xrs",
            "-XX:UserThreadWaitAttemptsAtExit=0", "--enable-native-access=ALL-UNNAMED",
            "-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0");

    private static final ExecutorService LAUNCH_THREAD = Executors.newSingleThreadExecutor(
            BackgroundThreads.named("spindle-launcher").factory());
    private static final AtomicLong REPORTS = new AtomicLong();

    private JvmStarter() {}

    /** A started child; it writes its reports to {@code report}; {@code output} carries its prints. */
    record Launched(Process process, ProcessIdentity identity, Path report, ChildOutput output) {}

    /**
     * Starts a child JVM whose class path is {@code classPath}. Its output goes where this JVM's
     * goes ({@link ChildOutput}).
     */
    static Launched start(List<String> jvmOptions, ChildMode mode, String classPath) {
        if (AtExit.exiting()) {
            // Its cleanup may already have run: a child started now could outlive its files.
            throw new IllegalStateException("cannot start a child JVM: this JVM is exiting");
        }
        ResourceTracker.childStarting();
        Path report = ControlDirectory.get().resolve("child-" + REPORTS.incrementAndGet() + ".report");
        List<String> command = command(jvmOptions, report, mode, classPath);
        boolean forward = ChildOutput.mustForward();
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectOutput(forward ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.INHERIT)
                .redirectError(forward ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.INHERIT);
        builder.environment().put(AuthKeys.ENVIRONMENT, AuthKeys.forChildren());
        try {
            Process process = LAUNCH_THREAD.submit(builder::start).get();
            ChildOutput output = forward ? ChildOutput.forward(process) : ChildOutput.INHERITED;
            return new Launched(process, ProcessIdentity.of(process.pid()), report, output);
        } catch (ExecutionException e) {
            throw new UncheckedIOException("cannot start a child JVM: " + command.getFirst(),
                    e.getCause() instanceof IOException io ? io : new IOException(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting a child JVM", e);
        }
    }

    private static List<String> command(List<String> jvmOptions, Path report, ChildMode mode, String classPath) {
        List<String> command = new ArrayList<>(ParentDeathSignal.PREFIX);
        command.add(javaExecutable());
        List<String> given = new ArrayList<>(InheritedOptions.get());
        given.addAll(jvmOptions); // after the inherited ones: HotSpot takes the last of each
        command.addAll(ChildCollector.options(BASE_OPTIONS, given));
        command.addAll(AotCache.options(classPath));
        command.addAll(ChildHeap.defaultFor(given));
        command.addAll(given);
        command.add(ClassPathFile.argument(classPath));
        command.add(ChildMain.class.getName());
        command.add(report.toString());
        command.add(Long.toString(ProcessHandle.current().pid()));
        command.add(mode.argument());
        command.add(ParentDeathSignal.PREFIX.isEmpty() ? ChildMain.DEATH_SIGNAL_TO_ASK : ChildMain.DEATH_SIGNAL_ARMED);
        command.add(ChildContext.currentName());
        command.add(LaunchSettings.preloadArgument());
        return command;
    }

    static String javaExecutable() {
        return LaunchSettings.executable().toString();
    }
}
