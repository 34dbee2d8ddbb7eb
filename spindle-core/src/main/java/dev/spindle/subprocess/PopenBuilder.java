package dev.spindle.subprocess;

import dev.spindle.internal.nativeio.SpawnCalls;
import dev.spindle.internal.subprocess.SpawnedProcess;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@link Popen} starts: a program, its arguments and where its three standard streams go
 * (Python's {@code Popen(args, stdin=, stdout=, stderr=, cwd=, env=)}). As in Python, each stream
 * is inherited from this JVM unless set: {@link Redirect#PIPE} is Python's {@code PIPE},
 * {@link Redirect#DISCARD} its {@code DEVNULL}, {@link Redirect#to}/{@link Redirect#from} a file,
 * and {@link #stderrToStdout()} its {@code stderr=STDOUT}. There is no shell: the first argument is
 * the program, found on {@code PATH} unless it contains a slash.
 */
public final class PopenBuilder {
    /** The error number of a program that is not there. */
    private static final int ENOENT = 2;

    private final List<String> args;
    private Redirect stdin = Redirect.INHERIT;
    private Redirect stdout = Redirect.INHERIT;
    private Redirect stderr = Redirect.INHERIT;
    private boolean stderrToStdout;
    private Path directory;
    private Map<String, String> environment;

    PopenBuilder(List<String> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("no program to run: the argument list is empty");
        }
        this.args = List.copyOf(args);
    }

    /** Where the program's stdin comes from. */
    public PopenBuilder stdin(Redirect stdin) {
        this.stdin = stdin;
        return this;
    }

    /** Where the program's stdout goes. */
    public PopenBuilder stdout(Redirect stdout) {
        this.stdout = stdout;
        return this;
    }

    /** Where the program's stderr goes. */
    public PopenBuilder stderr(Redirect stderr) {
        this.stderr = stderr;
        return this;
    }

    /** The program's stderr goes where its stdout goes (Python's {@code stderr=STDOUT}). */
    public PopenBuilder stderrToStdout() {
        this.stderrToStdout = true;
        return this;
    }

    /** The program runs in {@code directory} (Python's {@code cwd=}). */
    public PopenBuilder directory(Path directory) {
        this.directory = directory;
        return this;
    }

    /** The program's whole environment is {@code environment} (Python's {@code env=}). */
    public PopenBuilder environment(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        return this;
    }

    /**
     * Starts the program.
     *
     * @throws ProgramNotFoundException if there is no such program
     * @throws IOException              if it cannot be started otherwise (not executable, say)
     */
    public Popen start() throws IOException {
        return startPipeline(List.of(this)).getFirst();
    }

    /**
     * Starts the builders' programs with each one's stdout connected to the next one's stdin by an
     * OS pipe (Python's {@code Popen(b, stdin=p1.stdout)}); those streams are piped whatever the
     * builders say. The first one's stdin and the last one's stdout are as their builders say.
     */
    static List<Popen> startPipeline(List<PopenBuilder> stages) throws IOException {
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("an empty pipeline");
        }
        List<SpawnedProcess> processes;
        try {
            processes = SpawnedProcess.startPipeline(stages.stream().map(PopenBuilder::spec).toList());
        } catch (SpawnCalls.SpawnException e) {
            throw clearer(stages, e);
        }
        List<Popen> started = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            PopenBuilder stage = stages.get(i);
            boolean first = i == 0;
            boolean last = i == stages.size() - 1;
            started.add(new Popen(stage.args, processes.get(i), first && piped(stage.stdin), last && piped(stage.stdout),
                    piped(stage.stderr) && !stage.stderrToStdout));
        }
        return List.copyOf(started);
    }

    private SpawnedProcess.Spec spec() {
        return new SpawnedProcess.Spec(args, stdin, stdout, stderr, stderrToStdout,
                directory == null ? null : directory.toString(), environment);
    }

    private static boolean piped(Redirect redirect) {
        return redirect.type() == Redirect.Type.PIPE;
    }

    /**
     * A missing program as {@link ProgramNotFoundException}, naming the first stage whose program
     * is not there; a missing directory, or anything else, as the error said.
     */
    private static IOException clearer(List<PopenBuilder> stages, SpawnCalls.SpawnException e) {
        for (PopenBuilder stage : stages) {
            boolean directoryThere = stage.directory == null || Files.isDirectory(stage.directory);
            if (!directoryThere) {
                return new IOException("Cannot run program \"" + stage.args.getFirst() + "\": no directory " + stage.directory, e);
            }
        }
        if (e.errno() != ENOENT) {
            return e;
        }
        String program = stages.stream().map(stage -> stage.args.getFirst()).filter(PopenBuilder::missing).findFirst()
                .orElse(stages.getFirst().args.getFirst());
        return new ProgramNotFoundException(program, e);
    }

    /** Whether {@code program} is neither a file (a path) nor found on {@code PATH}. */
    private static boolean missing(String program) {
        if (program.contains("/")) {
            return !Files.exists(Path.of(program));
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String folder : path.split(":")) {
            if (Files.isExecutable(Path.of(folder.isEmpty() ? "." : folder, program))) {
                return false;
            }
        }
        return true;
    }
}
