package dev.spindle.multiprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.Spindle;
import dev.spindle.testing.NoLeaks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link Spindle#setExecutable}: the {@code java} binary child JVMs run. CPython's
 * {@code test_set_executable} (run a child with {@code sys.executable} through
 * {@code set_executable}) and {@code multiprocessing.set_executable}.
 */
@ExtendWith(NoLeaks.class)
class ExecutableTest {
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path dir;

    @AfterEach
    void backToThisJvmsJava() {
        Spindle.setExecutable(null);
        assertThat(Spindle.getExecutable()).isEqualTo(JAVA);
    }

    static void noop() {
    }

    /** A script that notes its pid (which exec passes on to java) and then runs this JDK's java. */
    private Path wrapper(Path log) throws Exception {
        Path script = dir.resolve("java-wrapper");
        Files.writeString(script, "#!/bin/sh\necho $$ >> '" + log + "'\nexec '" + JAVA + "' \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    @SuppressWarnings("serial") // the target is a serializable method reference
    @ParameterizedTest
    @EnumSource(value = StartMethod.class, names = {"SPAWN", "WARM"})
    void childrenRunTheChosenBinary(StartMethod method) throws Exception {
        Path log = dir.resolve("started");
        Spindle.setExecutable(wrapper(log));
        ChildProcess child = new ChildProcess(ExecutableTest::noop).startMethod(method);
        child.start();
        child.join();
        assertThat(child.exitCode()).isZero();
        assertThat(Files.readAllLines(log)).as("the child's pid, noted by the chosen binary").contains(Long.toString(child.pid()));
    }

    /** Writes the name this JVM was executed by (its {@code argv[0]}) to {@code file}. */
    static void writesItsArgv0(String file) throws Exception {
        String commandLine = Files.readString(Path.of("/proc/self/cmdline"));
        Files.writeString(Path.of(file), commandLine.substring(0, commandLine.indexOf('\0')));
    }

    /** The brief's check that the child ran the chosen path: a link to this JDK's java, seen as the child's own argv[0]. */
    @SuppressWarnings("serial") // the target is a serializable method reference
    @Test
    void aLinkToThisJdksJavaRunsTheChild() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("java"), JAVA);
        Spindle.setExecutable(link);
        assertThat(Spindle.getExecutable()).isEqualTo(link);
        Path out = dir.resolve("argv0");
        ChildProcess child = new ChildProcess(ExecutableTest::writesItsArgv0, out.toString()).startMethod(StartMethod.SPAWN);
        child.start();
        child.join();
        assertThat(child.exitCode()).isZero();
        assertThat(Files.readString(out)).isEqualTo(link.toString());
    }

    @Test
    void aPathThatIsNoExecutableFileIsRefused() throws Exception {
        assertThatThrownBy(() -> Spindle.setExecutable(dir.resolve("no-such-java")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-java");
        assertThatThrownBy(() -> Spindle.setExecutable(dir)).isInstanceOf(IllegalArgumentException.class);
        Path plain = Files.writeString(dir.resolve("not-executable"), "");
        assertThatThrownBy(() -> Spindle.setExecutable(plain)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Spindle.getExecutable()).as("unchanged").isEqualTo(JAVA);
    }
}
