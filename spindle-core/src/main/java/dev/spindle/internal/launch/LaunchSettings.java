package dev.spindle.internal.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What this JVM starts its children with, beyond their options: the {@code java} binary
 * (Python's {@code set_executable}) and the classes a WARM child initializes while it waits
 * (Python's {@code set_forkserver_preload}). Changing either drops the idle WARM children, which
 * were started with the old one.
 */
public final class LaunchSettings {
    private static final Path DEFAULT_EXECUTABLE = Path.of(System.getProperty("java.home"), "bin", "java");
    private static volatile Path executable = DEFAULT_EXECUTABLE;
    private static volatile List<String> preload = List.of();

    private LaunchSettings() {}

    /** The {@code java} binary children run: this JVM's, unless {@link #executable(Path)} chose another. */
    public static Path executable() {
        return executable;
    }

    /**
     * Children run {@code java} (null: this JVM's own again).
     *
     * @throws IllegalArgumentException if it is not an executable file
     */
    public static void executable(Path java) {
        Path chosen = java == null ? DEFAULT_EXECUTABLE : java.toAbsolutePath();
        if (!Files.isRegularFile(chosen) || !Files.isExecutable(chosen)) {
            throw new IllegalArgumentException("no executable java binary at " + chosen);
        }
        executable = chosen;
        WarmPool.discardAll();
    }

    /** Whether children run this JVM's own binary (a link to it included): its start-up cache fits them. */
    static boolean runsThisJvm() {
        Path chosen = executable;
        if (chosen.equals(DEFAULT_EXECUTABLE)) {
            return true;
        }
        try {
            return chosen.toRealPath().equals(DEFAULT_EXECUTABLE.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    /** The classes an idle WARM child loads and initializes before it waits for a target. */
    public static List<String> preload() {
        return preload;
    }

    /**
     * Idle WARM children load and initialize {@code classNames}, in order, before they wait for a
     * target; each must be on the children's class path (checked here, without initializing it).
     *
     * @throws IllegalArgumentException if a class cannot be found
     */
    public static void preload(List<String> classNames) {
        List<String> names = List.copyOf(classNames);
        for (String name : names) {
            try {
                Class.forName(Objects.requireNonNull(name, "class name"), false, loader());
            } catch (ClassNotFoundException e) {
                throw new IllegalArgumentException("cannot preload " + name + ": no such class on the class path", e);
            }
        }
        preload = names;
        WarmPool.discardAll();
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ClassLoader.getSystemClassLoader();
    }

    /** The preload list as one argument of a child's command: names joined by commas. */
    static String preloadArgument() {
        return String.join(",", preload);
    }

    /** Loads and initializes the classes of {@link #preloadArgument()}; as Python's forkserver skips a module it cannot import, skips one it cannot load. */
    static void preloadClasses(String argument) {
        if (argument.isEmpty()) {
            return;
        }
        for (String name : argument.split(",")) {
            try {
                Class.forName(name, true, ClassLoader.getSystemClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                // The target meets the same error if it uses the class: that is where it is reported.
            }
        }
    }
}
