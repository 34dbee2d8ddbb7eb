package dev.spindle.internal.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A child's class path as a {@code java @argfile}: the command line stays short however long the
 * class path is. Linux shows a process's arguments (to {@code ps}, and to
 * {@code ProcessHandle.info()}) only when they fit in a page, so a long {@code -cp} made children
 * look argument-less. One file per class path, in this JVM's control folder, removed with it.
 */
final class ClassPathFile {
    private static final Map<String, Path> FILES = new ConcurrentHashMap<>();

    private ClassPathFile() {}

    /** The {@code @file} argument that gives a JVM {@code -cp classPath}. */
    static String argument(String classPath) {
        return "@" + FILES.computeIfAbsent(classPath, ClassPathFile::write);
    }

    private static Path write(String classPath) {
        Path file = ControlDirectory.get().resolve("classpath-" + Integer.toHexString(classPath.hashCode()) + "-"
                + FILES.size() + ".args");
        // In an argfile a quoted argument may hold spaces; a backslash escapes the next character.
        String quoted = "\"" + classPath.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        try {
            Path part = Files.createTempFile(file.getParent(), "classpath", ".part");
            Files.writeString(part, "-cp\n" + quoted + "\n", StandardCharsets.UTF_8);
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a child's class path to " + file, e);
        }
        return file;
    }
}
