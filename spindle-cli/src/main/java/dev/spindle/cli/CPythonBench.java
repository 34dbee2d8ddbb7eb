package dev.spindle.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the project's own CPython script for a figure; its samples, or none when python3 is missing or fails. */
final class CPythonBench {
    private static final Pattern SAMPLES = Pattern.compile("\"samples\":\\s*\\[([^\\]]*)]");
    private static volatile boolean missing;

    private CPythonBench() {}

    /**
     * The script of a figure: generators', greenlets' and gevent's own (which re-runs itself under the
     * Python that has gevent), an area's own ({@code asyncio.} → cpython_asyncio_bench.py) if it has
     * one, else the common one.
     */
    private static String script(String figure) {
        if (figure.startsWith("generator.") || figure.startsWith("greenlet.") || figure.startsWith("gevent.")) {
            return "/bench/cpython_coroutines.py";
        }
        String area = figure.contains(".") ? figure.substring(0, figure.indexOf('.')) : "";
        String own = "/bench/cpython_" + area + "_bench.py";
        return CPythonBench.class.getResource(own) != null ? own : "/bench/cpython_bench.py";
    }

    static List<Double> samples(String figure, int runs) throws IOException, InterruptedException {
        if (missing) {
            return List.of();
        }
        Path script = Files.createTempFile("spindle-cpython-bench-", ".py");
        try {
            try (InputStream in = CPythonBench.class.getResourceAsStream(script(figure))) {
                Files.write(script, in.readAllBytes());
            }
            Process process;
            try {
                process = new ProcessBuilder("python3", script.toString(), figure, Integer.toString(runs))
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            } catch (IOException noPython) {
                System.err.println("spindle bench: python3 not found; no CPython figures");
                missing = true;
                return List.of();
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                return List.of();
            }
            Matcher m = SAMPLES.matcher(out);
            List<Double> samples = new ArrayList<>();
            if (m.find()) {
                for (String value : m.group(1).split(",")) {
                    if (!value.isBlank()) {
                        samples.add(Double.parseDouble(value.trim()));
                    }
                }
            }
            return samples;
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
