package dev.spindle.internal.subprocess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a program named without a slash is on {@code PATH}, remembered: the child then execs it at
 * once instead of trying each folder of {@code PATH} in turn, as {@code execvp} does. A remembered
 * path is used only while it is still an executable file and {@code PATH} has not changed.
 */
final class ProgramLookup {
    private static final Map<String, Path> FOUND = new ConcurrentHashMap<>();

    private ProgramLookup() {}

    /**
     * The file to exec: {@code program} itself when it has a slash, is not found (the spawn then
     * says why) or a relative folder of {@code PATH} comes first.
     */
    static String resolve(String program) {
        if (program.indexOf('/') >= 0) {
            return program;
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return program;
        }
        String key = path + '\0' + program;
        Path known = FOUND.get(key);
        if (known != null && Files.isExecutable(known)) {
            return known.toString();
        }
        for (String folder : path.split(":", -1)) {
            if (!folder.startsWith("/")) {
                return program; // relative to the child's folder, which may not be ours: the exec searches
            }
            Path candidate = Path.of(folder, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                FOUND.put(key, candidate);
                return candidate.toString();
            }
        }
        return program;
    }
}
