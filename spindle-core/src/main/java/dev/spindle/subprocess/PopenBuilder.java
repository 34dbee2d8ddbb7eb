package dev.spindle.subprocess;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@link Popen} starts: a program, its arguments and where its three standard streams go
 * (Python's {@code Popen(args, stdin=, stdout=, stderr=, cwd=, env=)}). As in Python, each stream
 * is inherited from this JVM unless set: {@link Redirect#PIPE} is Python's {@code PIPE},
 * {@link Redirect#DISCARD} its {@code DEVNULL}, {@link Redirect#to}/{@link Redirect#from} a file,
 * and {@link #stderrToStdout()} its {@code stderr=STDOUT}. There is no shell: the first argument is
 * the program, found on {@code PATH} unless it contains a slash.
 */
public final class PopenBuilder {
    /** How the JDK reports a program it could not start for ENOENT ("error=2," before JDK 22, "error: 2" since). */
    private static final Pattern CANNOT_RUN = Pattern.compile("Cannot run program \"(.*?)\".*error(?:=|: )2\\b", Pattern.DOTALL);

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
        try {
            return new Popen(args, processBuilder().start(), piped(stdin), piped(stdout), piped(stderr) && !stderrToStdout);
        } catch (IOException e) {
            throw clearer(e);
        }
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
        List<ProcessBuilder> builders = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            ProcessBuilder builder = stages.get(i).processBuilder();
            if (i > 0) {
                builder.redirectInput(Redirect.PIPE);
            }
            if (i < stages.size() - 1) {
                builder.redirectOutput(Redirect.PIPE);
            }
            builders.add(builder);
        }
        List<Process> processes;
        try {
            processes = ProcessBuilder.startPipeline(builders);
        } catch (IOException e) {
            throw stages.getFirst().clearer(e);
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

    private ProcessBuilder processBuilder() {
        ProcessBuilder builder = new ProcessBuilder(args).redirectInput(stdin).redirectOutput(stdout)
                .redirectError(stderr).redirectErrorStream(stderrToStdout);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        if (environment != null) {
            builder.environment().clear();
            builder.environment().putAll(environment);
        }
        return builder;
    }

    private static boolean piped(Redirect redirect) {
        return redirect.type() == Redirect.Type.PIPE;
    }

    /** A missing program as {@link ProgramNotFoundException}; a missing directory or anything else as the JDK said. */
    private IOException clearer(IOException e) {
        Matcher m = CANNOT_RUN.matcher(String.valueOf(e.getMessage()));
        boolean directoryThere = directory == null || Files.isDirectory(directory);
        return m.find() && directoryThere ? new ProgramNotFoundException(m.group(1), e) : e;
    }
}
