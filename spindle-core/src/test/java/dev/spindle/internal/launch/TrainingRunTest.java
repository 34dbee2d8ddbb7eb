package dev.spindle.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.multiprocessing.StartMethod;
import dev.spindle.testing.Deadlines;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AOT training run goes down the whole child path with its own sample target and ends with
 * status 0; its shell renames the cache into place without help from the program that started it
 * (stdin is /dev/null: that program may be gone), and old caches are pruned by size.
 */
class TrainingRunTest {
    @TempDir
    Path dir;

    /** A program that exits while the training run it caused is still going. */
    public static final class ExitsWhileTraining {
        public static void main(String[] args) throws Exception {
            ChildProcess child = new ChildProcess(() -> { }).startMethod(StartMethod.SPAWN);
            child.start();
            child.join();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (ProcessHandle.current().descendants().noneMatch(ExitsWhileTraining::isTrainingRun)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no training run started");
                }
                Thread.onSpinWait();
            }
            System.out.println("training under way; exiting");
        }

        static boolean isTrainingRun(ProcessHandle process) {
            return process.info().arguments().stream().flatMap(Stream::of).anyMatch(a -> a.startsWith("-XX:AOTCacheOutput="));
        }
    }

    /** The JDK caches classes from jars only: Spindle's jar, or its classes jarred. */
    private Path coreJar() throws Exception {
        Path classes = Path.of(ChildMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return Files.isDirectory(classes) ? jar("spindle-core.jar", classes, ".")
                : Files.copy(classes, dir.resolve("spindle-core.jar"));
    }

    private Path jar(String name, Path folder, String... entries) throws Exception {
        Path jar = dir.resolve(name);
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jar").toString(),
                "--create", "--file", jar.toString()));
        for (String entry : entries) {
            command.addAll(List.of("-C", folder.toString(), entry));
        }
        assertThat(new ProcessBuilder(command).inheritIO().start().waitFor()).isZero();
        return jar;
    }

    @Test
    void aTrainingRunNeverOutlivesTheProgramThatStartedIt() throws Exception {
        Path testClasses = Path.of(TrainingRunTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path app = jar("app.jar", testClasses, "dev/spindle/internal/launch/TrainingRunTest$ExitsWhileTraining.class");
        exitsWhileTraining(coreJar() + File.pathSeparator + app);
        // The run was killed at the program's exit: it never finishes, so it leaves no cache (a
        // run left alive would write one), and its shell removes what it had begun.
        Path caches = dir.resolve("cache-home/spindle/aot");
        long deadline = System.nanoTime() + Deadlines.CHILD.toNanos();
        while (ProcessHandle.allProcesses().anyMatch(p -> ExitsWhileTraining.isTrainingRun(p) && p.info().arguments().stream()
                .flatMap(Stream::of).anyMatch(a -> a.contains(caches.toString())))) {
            assertThat(System.nanoTime()).as("the training run is gone").isLessThan(deadline);
            Thread.onSpinWait();
        }
        try (Stream<Path> left = Files.list(caches)) {
            assertThat(left.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".aot") || n.contains(".partial-"));
        }
    }

    @Test
    void aFolderAfterSpindlesJarStillGetsSpindlesClassesCached() throws Exception {
        // A build's or an IDE's folder of classes: the JDK caches none of them, Spindle's jar before it is cached.
        Path testClasses = Path.of(TrainingRunTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        exitsWhileTraining(coreJar() + File.pathSeparator + testClasses);
    }

    /**
     * Runs {@link ExitsWhileTraining} on {@code classPath}, its cache folder under this test's,
     * and checks it saw a training run start.
     */
    private void exitsWhileTraining(String classPath) throws Exception {
        Path cacheHome = Files.createDirectories(dir.resolve("cache-home"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", classPath, ExitsWhileTraining.class.getName())
                .redirectErrorStream(true);
        builder.environment().put("XDG_CACHE_HOME", cacheHome.toString());
        Process program = builder.start();
        String output = new String(program.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(program.waitFor(Deadlines.CHILD.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(program.exitValue()).as(output).isZero();
        assertThat(output).contains("training under way");
    }

    @Test
    void aCacheServesClassPathsItsJarsBeginEntryByEntry() {
        assertThat(AotCache.covers("/a.jar", "/a.jar")).isTrue();
        assertThat(AotCache.covers("/a.jar", "/a.jar" + File.pathSeparator + "/classes")).isTrue();
        assertThat(AotCache.covers("/a.jar", "/a.jar2")).as("another jar whose name begins the same").isFalse();
        assertThat(AotCache.covers("/a.jar" + File.pathSeparator + "/b.jar", "/a.jar")).isFalse();
    }

    @Test
    void theTrainingRunWritesTheCacheAndItsShellPutsItInPlace() throws Exception {
        String classPath = coreJar().toString(); // jars only, or the JDK makes no cache
        Path partial = dir.resolve("x.aot.partial-1");
        Path cache = dir.resolve("x.aot");
        ProcessBuilder builder = new ProcessBuilder(AotCache.trainingCommand(partial, classPath))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).redirectErrorStream(true);
        builder.environment().put("SPINDLE_AOT_PARTIAL", partial.toString());
        builder.environment().put("SPINDLE_AOT_CACHE", cache.toString());
        Process training = builder.start();
        try {
            assertThat(training.waitFor(120, TimeUnit.SECONDS)).as("the training run ends").isTrue();
            String output = new String(training.getInputStream().readAllBytes());
            assertThat(training.exitValue()).as("exit status; output: %s", output).isZero();
        } finally {
            training.destroyForcibly();
        }
        assertThat(cache).isRegularFile();
        assertThat(partial).doesNotExist();
    }

    @Test
    void pruningKeepsTheNewestCachesThatFitAndDropsStalePartials() throws Exception {
        long now = System.currentTimeMillis();
        Path newest = write("a.aot", 100, now);
        Path older = write("b.aot", 100, now - 1_000);
        Path oldest = write("c.aot", 100, now - 2_000);
        Path stale = write("d.aot.partial-7", 10, now - 3_600_000);
        Path running = write("e.aot.partial-8", 10, now);
        AotCache.pruneDirectory(dir, 250);
        assertThat(newest).exists();
        assertThat(older).exists();
        assertThat(oldest).doesNotExist();
        assertThat(stale).doesNotExist();
        assertThat(running).as("a training run under way").exists();
    }

    private Path write(String name, int bytes, long modified) throws Exception {
        Path file = Files.write(dir.resolve(name), new byte[bytes]);
        Files.setLastModifiedTime(file, FileTime.fromMillis(modified));
        return file;
    }
}
