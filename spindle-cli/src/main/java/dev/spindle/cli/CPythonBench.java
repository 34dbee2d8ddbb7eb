package dev.spindle.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the project's own CPython script for a figure; null when python3 is missing or fails. */
final class CPythonBench {
    private static final Pattern VALUE = Pattern.compile("\"value\":\\s*([0-9.eE+-]+)");

    private CPythonBench() {}

    static Double measure(String figure, int runs) throws IOException, InterruptedException {
        Path script = Files.createTempFile("spindle-cpython-bench-", ".py");
        try {
            try (InputStream in = CPythonBench.class.getResourceAsStream("/bench/cpython_bench.py")) {
                Files.write(script, in.readAllBytes());
            }
            Process process;
            try {
                process = new ProcessBuilder("python3", script.toString(), figure, Integer.toString(runs))
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            } catch (IOException noPython) {
                System.err.println("spindle bench: python3 not found; no CPython figures");
                return null;
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                return null;
            }
            Matcher m = VALUE.matcher(out);
            return m.find() ? Double.parseDouble(m.group(1)) : null;
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
