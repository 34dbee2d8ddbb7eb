package dev.spindle.cli;

import dev.spindle.cluster.Worker;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code spindle worker}: a cluster's worker host, {@link Worker#main} under the command's name. */
@Command(name = "worker", mixinStandardHelpOptions = true, version = SpindleCommand.VERSION,
        description = {"Runs a worker host of a cluster: it takes tasks from Redis and runs them in child JVMs,"
                + " until told to stop (Ctrl-C, SIGTERM), when it finishes what it holds.",
                "The classes of the tasks must be on its class path: --class-path adds jars or folders"
                + " (or run dev.spindle.cluster.Worker on your application's class path, as Celery's workers run"
                + " with the app)."},
        footer = {"", "Options:",
                "  --redis URI          redis://[:password@]host:port[/db], or rediss:// for TLS (required)",
                "  --processes N        child JVMs that run tasks (default: the CPU count)",
                "  --queues a,b         the task queues it serves (default: default)",
                "  --name NAME          the cluster's name: its keys are under spindle:NAME: (default: default)",
                "  --lease-ms MS        how long a silent host keeps its tasks (default: 4000); clients must agree",
                "  --class-path CP      jars and folders with the tasks' classes (bin/spindle puts them on the class path)",
                "", "Example:", "  bin/spindle worker --redis redis://127.0.0.1:6379 --processes 2 --class-path target/app.jar"})
final class WorkerCommand implements Callable<Integer> {
    @Unmatched
    List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        Worker.main(arguments.toArray(String[]::new));
        return 0;
    }
}
