package dev.spindle.internal.launch;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * in the background, the first time a child is launched with a class path made only of jars (the
 * JDK cannot cache classes from directories), and kept in a per-user cache folder under a key of
 * the JDK, the options and the class path (with each jar's size and time). Until it exists,
 * children start without it. {@code -Dspindle.aot=false} turns it off.
 */
final class AotCache {
    private static final int KEPT_CACHES = 4;
    private static final boolean ENABLED = !"false".equals(System.getProperty("spindle.aot"));
    private static final AtomicBoolean TRAINING_STARTED = new AtomicBoolean();
    private static volatile boolean training;

    private AotCache() {}

    /** JVM options that use the cache, or none while it does not exist yet. */
    static List<String> options() {
        Path cache = ENABLED ? cacheFile() : null;
        if (cache == null) {
            return List.of();
        }
        if (Files.isRegularFile(cache)) {
            return List.of("-XX:AOTCache=" + cache, "-Xlog:aot=off", "-Xlog:cds=off");
        }
        if (TRAINING_STARTED.compareAndSet(false, true)) {
            training = true;
            Thread.ofPlatform().daemon().name("spindle-aot-training").start(() -> {
                try {
                    train(cache);
                } finally {
                    training = false;
                }
            });
        }
        return List.of();
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

    private static Path computeCacheFile() {
        String classPath = Launcher.classPath();
        StringBuilder key = new StringBuilder(System.getProperty("java.home"))
                .append('|').append(System.getProperty("java.vm.version")).append('|').append(Launcher.BASE_OPTIONS);
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (!entry.endsWith(".jar") || !Files.isRegularFile(path)) {
                return null;
            }
            try {
                key.append('|').append(path.toAbsolutePath()).append(':').append(Files.size(path))
                        .append(':').append(Files.getLastModifiedTime(path).toMillis());
            } catch (IOException e) {
                return null;
            }
        }
        return cacheDirectory().resolve(sha256(key.toString()) + ".aot");
    }

    private static Path cacheDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("spindle").resolve("aot");
    }

    /** One training run at a time per user (a file lock), written to a temporary name, then renamed. */
    private static void train(Path cache) {
        try {
            Files.createDirectories(cache.getParent());
            try (FileChannel lockFile = FileChannel.open(cache.resolveSibling("training.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = lockFile.tryLock()) {
                if (lock == null || Files.isRegularFile(cache)) {
                    return;
                }
                pruneDirectory(cache.getParent());
                Path partial = cache.resolveSibling(cache.getFileName() + ".partial");
                List<String> command = new ArrayList<>();
                command.add(Launcher.javaExecutable());
                command.addAll(Launcher.BASE_OPTIONS);
                command.add("-XX:AOTCacheOutput=" + partial);
                command.add("-cp");
                command.add(Launcher.classPath());
                command.add(ChildMain.class.getName());
                command.add("/dev/null");
                command.add(Long.toString(ProcessHandle.current().pid()));
                command.add(ChildMain.MODE_TRAIN);
                command.add(ChildMain.DEATH_SIGNAL_TO_ASK);
                Process process = new ProcessBuilder(command)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                if (process.waitFor() == 0 && Files.isRegularFile(partial)) {
                    Files.move(partial, cache, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.deleteIfExists(partial);
                Files.deleteIfExists(Path.of(partial + ".config"));
            }
        } catch (IOException | InterruptedException e) {
            // no cache this time: children simply start without it
        }
    }

    /**
     * Call holding the training lock: removes what killed training runs left, and all but the
     * newest {@value #KEPT_CACHES} caches (each class path gets its own, of some 15 MB).
     */
    private static void pruneDirectory(Path directory) throws IOException {
        List<Path> caches = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.contains(".partial")) {
                    Files.deleteIfExists(file);
                } else if (name.endsWith(".aot")) {
                    caches.add(file);
                }
            }
        }
        caches.sort(Comparator.comparing(AotCache::modified).reversed());
        for (Path old : caches.subList(Math.min(KEPT_CACHES, caches.size()), caches.size())) {
            Files.deleteIfExists(old);
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
