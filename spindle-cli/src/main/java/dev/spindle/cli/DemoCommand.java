package dev.spindle.cli;

import dev.spindle.examples.Example;
import dev.spindle.examples.Examples;
import java.util.List;
import java.util.concurrent.Callable;
import dev.spindle.Spindle;
import dev.spindle.examples.cluster.LocalCluster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spindle demo [ID] [ARGS...]}: one seed program, or the tour of the headline ones. */
@Command(name = "demo", mixinStandardHelpOptions = true, version = SpindleCommand.VERSION, description = "Run a seed program by id, or with no id the tour of the headline programs.")
final class DemoCommand implements Callable<Integer> {
    /** The programs of the tour, with the speed factor each runs at. */
    private static final List<String> TOUR = List.of(
            "mp-downloads", "mp-pingpong-global", "thread-vs-process-pid", "thread-vs-process-startup",
            "mp-terminate-is-alive", "mp-pipe-adder", "mp-pipe-eof", "mp-pingpong-queue", "mp-value", "pool-callback-pipeline", "ppe-shutdown-wait",
            "ppe-manager-lock-tickets", "thread-account-race", "thread-account-lock", "thread-deadlock",
            "thread-rlock-no-deadlock",
            "gevent-monkey-patch", "asyncio-gather-prime-square", "celery-add-delay");

    @Parameters(index = "0", arity = "0..1", description = "program id (see --list)")
    String id;

    @Parameters(index = "1..*", arity = "0..*", description = "arguments for the program")
    List<String> args = List.of();

    @Option(names = "--list", description = "list the programs")
    boolean list;

    @Option(names = "--speed", description = "factor for the seeds' sleeps (default 1; the tour uses 0.2)")
    Double speed;

    @Option(names = "--cluster", description = "run the program's pools (those made without a context: Pool.of(), "
            + "new ProcessPoolExecutor(n)) on a cluster on this machine: a local Redis and a worker host of two processes; "
            + "the program is unchanged (Spindle.setPoolContext)")
    boolean cluster;

    @Override
    public Integer call() throws Exception {
        if (list) {
            for (Example e : Examples.all()) {
                System.out.printf("%-28s %s%n", e.id(), e.summary());
            }
            return 0;
        }
        if (id == null) {
            return tour();
        }
        Example example = Examples.byId(id).orElse(null);
        if (example == null) {
            System.err.println("spindle: no program " + id + " (see spindle demo --list)");
            return 2;
        }
        if (speed != null) {
            System.setProperty("spindle.speed", speed.toString());
        }
        example.gloss().ifPresent(gloss -> System.out.println("(in English: " + gloss + ")"));
        if (!cluster) {
            example.run(args.toArray(String[]::new));
            return 0;
        }
        try (LocalCluster local = LocalCluster.start("demo")) {
            local.startHost(2);
            Spindle.setPoolContext(local.context());
            example.run(args.toArray(String[]::new));
        } finally {
            Spindle.setPoolContext(null);
        }
        return 0;
    }

    private int tour() throws Exception {
        System.setProperty("spindle.speed", speed != null ? speed.toString() : "0.2");
        System.out.println("Spindle: Python's multiprocessing on real child JVMs, its threading, its coroutines and a cluster. The seed programs, at speed "
                + System.getProperty("spindle.speed") + ".");
        for (String programId : TOUR) {
            Example example = Examples.byId(programId).orElseThrow();
            System.out.println();
            System.out.println("== " + example.id() + ": " + example.summary());
            example.gloss().ifPresent(gloss -> System.out.println("   (in English: " + gloss + ")"));
            example.run();
            Children.awaitNonDaemon();
            System.out.println();
        }
        PrimeTour.run();
        System.out.println();
        System.out.println("More: bin/spindle demo --list, then bin/spindle demo ID.");
        return 0;
    }
}
