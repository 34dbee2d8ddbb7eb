package dev.spindle.internal.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Arms the kernel's parent-death signal for a child before its JVM starts: util-linux's
 * {@code setpriv --pdeathsig KILL} sets it and execs java (the setting survives exec), so the
 * child pays nothing for it. Where setpriv is missing or too old, the child asks the kernel
 * itself through FFM (which costs it tens of milliseconds of CPU).
 */
final class ParentDeathSignal {
    /** The command prefix, or empty when the child must ask for the signal itself. */
    static final List<String> PREFIX = find();

    private ParentDeathSignal() {}

    private static List<String> find() {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
            Path setpriv = Path.of(dir, "setpriv");
            if (Files.isExecutable(setpriv) && supportsDeathSignal(setpriv)) {
                return List.of(setpriv.toString(), "--pdeathsig", "KILL", "--");
            }
        }
        return List.of();
    }

    private static boolean supportsDeathSignal(Path setpriv) {
        try {
            Process help = new ProcessBuilder(setpriv.toString(), "--help").redirectErrorStream(true).start();
            String text = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            help.waitFor();
            return text.contains("--pdeathsig");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
