package dev.spindle.examples;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code spindle demo ID} (or any spindle command) in its own JVM, as a user runs it, with everything it and its children
 * print captured in order: children write to the same terminal (pipe) as their parent.
 */
record DemoRun(int exitCode, String output, Duration elapsed) {
    static final Duration DEADLINE = Duration.ofSeconds(90);

    /**
     * {@code spindle demo ID --speed SPEED ARGS...}: what the program printed, without the English
     * gloss line the command puts before a program whose seed prints Chinese.
     */
    static DemoRun of(String id, double speed, String... args) throws IOException, InterruptedException {
        return withInput("", id, speed, args);
    }

    /** {@link #of}, with {@code input} as the program's stdin, which then ends (as a file piped in does). */
    static DemoRun withInput(String input, String id, double speed, String... args) throws IOException, InterruptedException {
        List<String> demoArgs = new ArrayList<>(List.of("demo", id, "--speed", Double.toString(speed)));
        demoArgs.addAll(List.of(args));
        DemoRun run = spindleReading(input, demoArgs.toArray(String[]::new));
        String program = run.output().startsWith(GLOSS) ? run.output().substring(run.output().indexOf('\n') + 1) : run.output();
        return new DemoRun(run.exitCode(), program, run.elapsed());
    }

    /** How the command begins the English gloss of a seed's output. */
    static final String GLOSS = "(in English: ";

    /** {@code spindle demo DEMO_ARGS...}. */
    static DemoRun demo(String... demoArgs) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("demo"));
        args.addAll(List.of(demoArgs));
        return spindle(args.toArray(String[]::new));
    }

    /** {@code spindle ARGS...}. */
    static DemoRun spindle(String... args) throws IOException, InterruptedException {
        return spindleReading("", args);
    }

    /**
     * The command's class path: the test's without its folder of test classes, which the command
     * does not use. All jars, as a user's is, so the children it starts share one start-up cache.
     */
    private static final String COMMAND_CLASS_PATH = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> !Files.isDirectory(Path.of(entry))).collect(Collectors.joining(File.pathSeparator));

    /** The command line of {@code spindle ARGS...} in a JVM of its own, as {@code bin/spindle} starts it. */
    static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8",
                "-cp", COMMAND_CLASS_PATH, "dev.spindle.cli.SpindleCommand"));
        command.addAll(List.of(args));
        return command;
    }

    /** {@code spindle ARGS...} reading {@code input} on stdin. */
    static DemoRun spindleReading(String input, String... args) throws IOException, InterruptedException {
        String id = String.join(" ", args);
        List<String> command = command(args);
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "output lost: " + e;
            }
        });
        if (!process.waitFor(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(id + " did not finish within " + DEADLINE);
        }
        String text;
        try {
            text = output.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("no output from " + id, e);
        }
        return new DemoRun(process.exitValue(), text, Duration.ofNanos(System.nanoTime() - t0));
    }

    List<String> lines() {
        return output.lines().toList();
    }

    int indexOf(String text) {
        int at = output.indexOf(text);
        if (at < 0) {
            throw new AssertionError("no \"" + text + "\" in output:\n" + output);
        }
        return at;
    }

    int count(String token) {
        return (int) Pattern.compile(Pattern.quote(token)).matcher(output).results().count();
    }

    /** Asserts that {@code regex} matches {@code times} times, each time the same text (group 1): one object printed. */
    void assertSameEachTime(String regex, int times) {
        List<String> found = all(regex);
        org.assertj.core.api.Assertions.assertThat(found).as(output).hasSize(times).containsOnly(found.getFirst());
    }

    /** Every group 1 of {@code regex} in the output, in order. */
    List<String> all(String regex) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(output);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
