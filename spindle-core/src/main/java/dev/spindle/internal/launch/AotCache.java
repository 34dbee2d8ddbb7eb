package dev.spindle.internal.launch;

import dev.spindle.internal.track.AtExit;
import dev.spindle.internal.track.BackgroundThreads;
import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Cuts child start-up with the JDK's AOT cache (JEP 483/514): classes loaded and linked by a
 * training run are mapped ready-made by every later child. The cache is created automatically,
 * in the background, the first time a child is launched, and kept in a per-user cache folder under
 * a key of the JDK, the options and the class path it covers (with each jar's size and time).
 * It covers the jars the children's class path starts with, Spindle's first: the JDK caches no
 * class from a folder, and takes a cache whose class path begins the child's, so a folder of
 * classes (an IDE's, a build's test classes) after Spindle's jar leaves Spindle's classes cached.
 * With Spindle itself in a folder there is none. Until it exists, children start without it.
 * {@code -Dspindle.aot=false} turns it off.
 */
final class AotCache {
    /** How many bytes of caches one user keeps by default ({@code -Dspindle.aot.maxBytes}). */
    private static final long DEFAULT_MAX_BYTES = 512L << 20;
    private static final String PARTIAL = ".partial-";
    private static final long STALE_PARTIAL_MILLIS = 10 * 60_000;
    private static final boolean ENABLED = !"false".equals(System.getProperty("spindle.aot"));
    private static final AtomicBoolean TRAINING_STARTED = new AtomicBoolean();
    private static volatile boolean training;

    private AotCache() {}

    /**
     * JVM options that use the cache for a child on {@code classPath}, or none while it does not
     * exist yet, or when {@code classPath} does not start with the one the cache is made for.
     */
    static List<String> options(String classPath) {
        Path cache = ENABLED && LaunchSettings.runsThisJvm() ? cacheFile() : null;
        if (cache == null || !covers(trainedClassPath, classPath)) {
            return List.of();
        }
        if (Files.isRegularFile(cache)) {
            return List.of("-XX:AOTCache=" + cache, "-Xlog:aot=off", "-Xlog:cds=off");
        }
        if (TRAINING_STARTED.compareAndSet(false, true)) {
            training = true;
            BackgroundThreads.named("spindle-aot-training").start(() -> {
                try {
                    train(cache);
                } finally {
                    training = false;
                }
            });
        }
        return List.of();
    }

    /** Whether a cache trained on {@code covered} serves a child on {@code classPath}: whole entries begin it. */
    static boolean covers(String covered, String classPath) {
        return classPath.equals(covered) || classPath.startsWith(covered + File.pathSeparator);
    }

    /** True once the cache for the current class path exists. */
    static boolean ready() {
        Path cache = cacheFile();
        return cache != null && Files.isRegularFile(cache);
    }

    /** True while this JVM's training run is going on. */
    static boolean training() {
        return training;
    }

    /** The cache file for this JVM's class path, worked out once: empty when there can be none. */
    private static volatile Optional<Path> cacheFile;

    private static Path cacheFile() {
        Optional<Path> known = cacheFile;
        if (known == null) {
            known = cacheFile = Optional.ofNullable(computeCacheFile());
        }
        return known.orElse(null);
    }

    /** The class path the cache is made for: the jars the children's general one starts with, as first seen. */
    private static volatile String trainedClassPath;

    private static Path computeCacheFile() {
        List<String> jars = new ArrayList<>();
        StringBuilder key = new StringBuilder(System.getProperty("java.home"))
                .append('|').append(System.getProperty("java.vm.version")).append('|').append(JvmStarter.BASE_OPTIONS);
        for (String entry : ChildClassPath.base().split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (!entry.endsWith(".jar") || !Files.isRegularFile(path)) {
                break;
            }
            try {
                key.append('|').append(path.toAbsolutePath()).append(':').append(Files.size(path))
                        .append(':').append(Files.getLastModifiedTime(path).toMillis());
            } catch (IOException e) {
                break;
            }
            jars.add(entry);
        }
        if (jars.isEmpty()) {
            return null;
        }
        trainedClassPath = String.join(File.pathSeparator, jars);
        return cacheDirectory().resolve(sha256(key.toString()) + ".aot");
    }

    private static Path cacheDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("spindle").resolve("aot");
    }

    /**
     * One training run at a time per JVM and, while this JVM lives, per user (a file lock). The
     * run writes to a temporary name that a shell renames once the JVM has written it, so a run
     * that outlives this program (it exited, or was killed) still finishes, and no half-written
     * cache is ever taken for one.
     */
    private static void train(Path cache) {
        try {
            Files.createDirectories(cache.getParent());
            try (FileChannel lockFile = FileChannel.open(cache.resolveSibling("training.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = lockFile.tryLock()) {
                if (lock == null || Files.isRegularFile(cache)) {
                    return;
                }
                pruneDirectory(cache.getParent(), maxBytes());
                Path partial = cache.resolveSibling(cache.getFileName() + PARTIAL + ProcessHandle.current().pid());
                ProcessBuilder builder = new ProcessBuilder(trainingCommand(partial, trainedClassPath))
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD);
                builder.environment().put("SPINDLE_AOT_PARTIAL", partial.toString());
                builder.environment().put("SPINDLE_AOT_CACHE", cache.toString());
                Process run = builder.start();
                // The run must not outlive this program: killing its JVM (not the shell) lets the
                // shell remove the partial files.
                AtExit.register(AtExit.Phase.CHILDREN, () -> run.descendants().forEach(ProcessHandle::destroyForcibly));
                run.waitFor();
            }
        } catch (IOException e) {
            System.getLogger(AotCache.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot train the start-up cache " + cache + "; children start without it", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // a daemon thread's interrupt: this JVM is ending
        }
    }

    /**
     * The training run: a JVM that takes the whole child path with a sample target and writes its
     * cache to {@code partial} as it exits, inside a shell that renames it into place.
     */
    static List<String> trainingCommand(Path partial, String classPath) {
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c",
                "\"$@\" && mv -f \"$SPINDLE_AOT_PARTIAL\" \"$SPINDLE_AOT_CACHE\";"
                        + " rm -f \"$SPINDLE_AOT_PARTIAL\" \"$SPINDLE_AOT_PARTIAL.config\"", "spindle-aot-training"));
        command.add(JvmStarter.javaExecutable());
        command.addAll(JvmStarter.BASE_OPTIONS);
        command.add("-XX:AOTCacheOutput=" + partial);
        command.add(ClassPathFile.argument(classPath));
        command.add(ChildMain.class.getName());
        command.add("/dev/null");
        command.add(Long.toString(ProcessHandle.current().pid()));
        command.add(ChildMode.TRAIN.argument());
        command.add(ChildMain.DEATH_SIGNAL_TO_ASK);
        command.add(ChildContext.currentName());
        command.add("");
        return command;
    }

    private static long maxBytes() {
        try {
            return Long.parseLong(System.getProperty("spindle.aot.maxBytes", Long.toString(DEFAULT_MAX_BYTES)));
        } catch (NumberFormatException e) {
            return DEFAULT_MAX_BYTES;
        }
    }

    /**
     * Call holding the training lock: removes what training runs left behind long ago (they take
     * seconds), and the oldest caches until those kept fit in {@code maxBytes} (each class path
     * gets its own cache, of some 15-40 MB).
     */
    static void pruneDirectory(Path directory, long maxBytes) throws IOException {
        List<Path> caches = new ArrayList<>();
        long staleBefore = System.currentTimeMillis() - STALE_PARTIAL_MILLIS;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.contains(PARTIAL)) {
                    if (modified(file) < staleBefore) {
                        Files.deleteIfExists(file);
                    }
                } else if (name.endsWith(".aot")) {
                    caches.add(file);
                }
            }
        }
        caches.sort(Comparator.comparing(AotCache::modified).reversed());
        long kept = 0;
        for (Path cache : caches) {
            long size = size(cache);
            if (kept + size > maxBytes) {
                Files.deleteIfExists(cache);
            } else {
                kept += size;
            }
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException gone) {
            return 0;
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException gone) {
            return 0;
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
