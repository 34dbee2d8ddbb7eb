package dev.spindle.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code spindle} command. */
@Command(name = "spindle", mixinStandardHelpOptions = true, version = SpindleCommand.VERSION,
        description = "Python's concurrency toolkit for Java: the seed programs, benchmarks and a cluster's worker.",
        subcommands = {DemoCommand.class, BenchCommand.class, WorkerCommand.class, DashboardCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "bin/spindle also runs:",
                "  test     The whole test suite (Maven, from a clone)",
                "  build    Build the jars only",
                "  install  Install spindle-core into the local Maven repository"})
public final class SpindleCommand implements Runnable {
    /** What {@code --version} prints, for the command and each subcommand. */
    static final String VERSION = "spindle 0.1.0-SNAPSHOT";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) throws InterruptedException {
        int code = new CommandLine(new SpindleCommand()).execute(args);
        // As Python does at exit: wait for the non-daemon children (daemon ones are killed at exit).
        Children.awaitNonDaemon();
        System.out.flush();
        System.exit(code);
    }
}
