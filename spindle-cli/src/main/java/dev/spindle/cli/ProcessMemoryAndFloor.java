package dev.spindle.cli;

import dev.spindle.Context;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.multiprocessing.StartMethod;
import dev.spindle.sync.Event;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The process suite's floor and memory figures: {@code process.jvm_floor_ms}, a JVM started with
 * exactly the command line a child gets (options, start-up cache, class path) but an empty main,
 * against which the cold start is judged; and an idle SPAWN child's resident and proportional
 * memory ({@code process.child_rss_mb}, {@code process.child_pss_mb}; {@code process.child_pss_of_4_mb}
 * among four idle siblings), read from the kernel.
 */
final class ProcessMemoryAndFloor {
    private ProcessMemoryAndFloor() {}

    /** Writes this JVM's command line, one word a line, into {@code file}. */
    static void writesItsCommandLine(Path file) throws IOException {
        ProcessHandle.Info info = ProcessHandle.current().info();
        List<String> words = new ArrayList<>();
        words.add(info.command().orElseThrow());
        words.addAll(List.of(info.arguments().orElseThrow()));
        Files.write(file, words, StandardCharsets.UTF_8);
    }

    /** A child's own command line with {@link EmptyMain} in place of the child's main class and arguments. */
    static List<String> floorCommand() throws Exception {
        Path file = Files.createTempFile("spindle-floor", ".args");
        try {
            ChildProcess child = new ChildProcess(ProcessMemoryAndFloor::writesItsCommandLine, file).startMethod(StartMethod.SPAWN);
            child.start();
            child.join();
            List<String> words = Files.readAllLines(file, StandardCharsets.UTF_8);
            int main = words.indexOf("dev.spindle.internal.launch.ChildMain");
            if (child.exitCode() != 0 || main < 0) {
                throw new IllegalStateException("cannot read a child's command line: " + words);
            }
            List<String> command = new ArrayList<>(words.subList(0, main));
            command.add(EmptyMain.class.getName());
            return command;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Starts {@code command} and waits for its end, in milliseconds. */
    static double runMs(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        long t0 = System.nanoTime();
        int code = builder.start().waitFor();
        double ms = (System.nanoTime() - t0) / 1e6;
        if (code != 0) {
            throw new IllegalStateException("the floor JVM exited with " + code + ": " + command);
        }
        return ms;
    }

    static void waitsAfter(Event started, Event release) throws InterruptedException {
        started.set();
        release.await();
    }

    /**
     * The {@code field} (Rss or Pss) of an idle SPAWN child among {@code siblings} (their mean), in
     * MB: each child has run its target up to a wait, as CPython's spawn children have; with
     * siblings, Pss shows what children share.
     */
    static double idleChildMb(String field, int siblings) throws Exception {
        Context processes = Context.processes(StartMethod.SPAWN);
        Event release = processes.event();
        List<ChildProcess> children = new ArrayList<>();
        try {
            List<Event> started = new ArrayList<>();
            for (int i = 0; i < siblings; i++) {
                Event up = processes.event();
                ChildProcess child = new ChildProcess(ProcessMemoryAndFloor::waitsAfter, up, release)
                        .startMethod(StartMethod.SPAWN);
                child.start();
                children.add(child);
                started.add(up);
            }
            for (Event up : started) {
                up.await();
            }
            double total = 0;
            for (ChildProcess child : children) {
                total += kilobytes(child.pid(), field);
            }
            return total / siblings / 1024.0;
        } finally {
            release.set();
            for (ChildProcess child : children) {
                child.join();
            }
        }
    }

    private static long kilobytes(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
            }
        }
        throw new IllegalStateException("no " + field + " in /proc/" + pid + "/smaps_rollup");
    }
}
