package dev.spindle.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
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

    @Test
    void theTrainingRunWritesTheCacheAndItsShellPutsItInPlace() throws Exception {
        // The JDK caches classes from jars only: jar Spindle's classes.
        Path classes = Path.of(ChildMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = dir.resolve("spindle-core.jar");
        Process jarTool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jar").toString(),
                "--create", "--file", jar.toString(), "-C", classes.toString(), ".").inheritIO().start();
        assertThat(jarTool.waitFor()).isZero();
        String classPath = jar.toString(); // jars only, or the JDK makes no cache
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
