package dev.spindle.multiprocessing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.testing.ChildStderr;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import dev.spindle.testing.ParentJvm;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Children start wherever users run their code, inherit what users expect, and print where the parent prints. */
@ExtendWith(NoLeaks.class)
class ChildLaunchTest {
    @TempDir
    Path dir;

    private static final String ELSEWHERE = """
            package elsewhere;

            import dev.spindle.multiprocessing.ChildProcess;
            import java.nio.file.Files;
            import java.nio.file.Path;

            public class Elsewhere {
                static void write(Path file) throws Exception {
                    Files.writeString(file, "from " + Elsewhere.class.getName());
                }

                public static int run(Path file) throws Exception {
                    ChildProcess child = new ChildProcess(Elsewhere::write, file);
                    child.start();
                    child.join();
                    return child.exitCode();
                }
            }
            """;

    @Test
    void aTargetLoadedByItsOwnUrlClassLoaderRunsInTheChild() throws Exception {
        Path sources = Files.createDirectories(dir.resolve("src/elsewhere"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.writeString(sources.resolve("Elsewhere.java"), ELSEWHERE);
        Process javac = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
                "-d", classes.toString(), "-cp", System.getProperty("java.class.path"), sources.resolve("Elsewhere.java").toString())
                .inheritIO().start();
        assertThat(javac.waitFor()).isZero();
        Path out = dir.resolve("out");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> elsewhere = loader.loadClass("elsewhere.Elsewhere");
            assertThat(System.getProperty("java.class.path")).doesNotContain(classes.toString());
            int exitCode = (int) elsewhere.getMethod("run", Path.class).invoke(null, out);
            assertThat(exitCode).isZero();
        }
        assertThat(Files.readString(out)).isEqualTo("from elsewhere.Elsewhere");
    }

    @Test
    void underTheSourceLauncherStartFailsAtOnceSayingWhatToDo() throws Exception {
        Path source = dir.resolve("FromSource.java");
        Files.writeString(source, """
                import dev.spindle.multiprocessing.ChildProcess;

                public class FromSource {
                    public static void main(String[] args) throws Exception {
                        try {
                            new ChildProcess(() -> System.out.println("never")).start();
                            System.out.println("started");
                        } catch (IllegalStateException e) {
                            System.out.println("refused: " + e.getMessage());
                        }
                    }
                }
                """);
        try (ParentJvm parent = ParentJvm.startWith(List.of(), source.toString())) {
            assertThat(parent.waitFor(Deadlines.CHILD)).isZero();
            assertThat(parent.output()).contains("refused: a child JVM cannot load FromSource")
                    .contains("source launcher").doesNotContain("started");
        }
    }

    /** Main of a parent JVM: child's max heap and a -D property, with and without jvmOptions. */
    public static final class Inheriting {
        static void describe(Path file) throws Exception {
            Files.writeString(file, Runtime.getRuntime().maxMemory() + " " + System.getProperty("user.flag"));
        }

        public static void main(String[] args) throws Exception {
            ChildProcess inherits = new ChildProcess(Inheriting::describe, Path.of(args[0]));
            inherits.start();
            inherits.join();
            ChildProcess overrides = new ChildProcess(Inheriting::describe, Path.of(args[1])).jvmOptions("-Xmx64m", "-Duser.flag=mine");
            overrides.start();
            overrides.join();
        }
    }

    @Test
    void childrenInheritHeapSizeAndCommandLinePropertiesAndJvmOptionsOverride() throws Exception {
        Path inherited = dir.resolve("inherited");
        Path overridden = dir.resolve("overridden");
        try (ParentJvm parent = ParentJvm.startWith(List.of("-Xmx200m", "-Duser.flag=parents"), Inheriting.class.getName(),
                inherited.toString(), overridden.toString())) {
            assertThat(parent.waitFor(Deadlines.CHILD)).as(parent.output()).isZero();
        }
        String[] child = Files.readString(inherited).split(" ");
        assertThat(Long.parseLong(child[0])).isLessThanOrEqualTo(200L << 20);
        assertThat(child[1]).isEqualTo("parents");
        String[] own = Files.readString(overridden).split(" ");
        assertThat(Long.parseLong(own[0])).isLessThanOrEqualTo(64L << 20);
        assertThat(own[1]).isEqualTo("mine");
    }

    @Test
    void aChildWhoseMaximumHeapIsBelowTheDefaultInitialHeapStillStarts() throws Exception {
        Path out = dir.resolve("max");
        ChildProcess tiny = new ChildProcess(Inheriting::describe, out).startMethod(StartMethod.SPAWN).jvmOptions("-Xmx8m");
        tiny.start();
        tiny.join();
        assertThat(tiny.exitCode()).isZero();
        assertThat(Long.parseLong(Files.readString(out).split(" ")[0])).isLessThanOrEqualTo(8L << 20);
    }

    static void shout(String text) {
        System.out.println(text);
        System.err.println(text + " on stderr");
    }

    @Test
    void aChildsOutputGoesWhereTheParentsSystemOutGoes() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        // As Surefire and IDE consoles do: System.out is not the process's own stdout.
        PrintStream runners = new PrintStream(captured, true, StandardCharsets.UTF_8) { };
        System.setOut(runners);
        System.setErr(runners);
        try {
            ChildProcess p = new ChildProcess(ChildLaunchTest::shout, "hello from the child");
            p.start();
            p.join();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("hello from the child")
                .contains("hello from the child on stderr");
    }

    /**
     * A fresh child decodes its target before any user code could set a filter, so it reads the
     * JVM-wide filter from {@code jdk.serialFilter} without asking {@code ObjectInputFilter.Config}
     * (whose logger lookup scans every jar): the property must still refuse what it names.
     */
    @Test
    void theJvmWideSerialFilterStillRefusesATargetsClassInAFreshChild() throws Exception {
        ChildProcess refused = new ChildProcess(ChildLaunchTest::shout, "never printed").startMethod(StartMethod.SPAWN)
                .jvmOptions("-Djdk.serialFilter=!" + ChildLaunchTest.class.getName());
        String stderr = ChildStderr.whileRunning(refused);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(stderr).contains("refused by the JVM-wide serial filter")
                .doesNotContain("never printed");
        ChildProcess allowed = new ChildProcess(ChildLaunchTest::shout, "printed").startMethod(StartMethod.SPAWN)
                .jvmOptions("-Djdk.serialFilter=!some.other.Type");
        allowed.start();
        allowed.join();
        assertThat(allowed.exitCode()).isZero();
    }

    private static Path codeSource(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static void javac(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "javac").toString()));
        command.addAll(List.of(args));
        assertThat(new ProcessBuilder(command).inheritIO().start().waitFor()).isZero();
    }

    @Test
    void onTheModulePathAChildFindsTheModulesOfAFolderOfModules() throws Exception {
        // A folder of modules as users pass it with --module-path: the library the child calls, as
        // a jar, and the application, exploded.
        Path mods = Files.createDirectories(dir.resolve("mods"));
        Path lib = Files.createDirectories(dir.resolve("src/greeting/greeting"));
        Files.writeString(lib.resolveSibling("module-info.java"), "module greeting { exports greeting; }");
        Files.writeString(lib.resolve("Greeting.java"), """
                package greeting;

                public final class Greeting {
                    public static String hello() {
                        return "hello from " + Greeting.class.getModule().getName() + " module path";
                    }
                }
                """);
        Path greeting = dir.resolve("greeting-classes");
        javac("-d", greeting.toString(), lib.resolveSibling("module-info.java").toString(),
                lib.resolve("Greeting.java").toString());
        Path jar = Path.of(System.getProperty("java.home"), "bin", "jar");
        assertThat(new ProcessBuilder(jar.toString(), "--create", "--file", mods.resolve("greeting.jar").toString(),
                "-C", greeting.toString(), ".").inheritIO().start().waitFor()).isZero();
        Path app = Files.createDirectories(dir.resolve("src/app/app"));
        Files.writeString(app.resolveSibling("module-info.java"), "module app { requires dev.spindle; requires greeting; }");
        Files.writeString(app.resolve("Main.java"), """
                package app;

                import dev.spindle.multiprocessing.ChildProcess;
                import java.nio.file.Files;
                import java.nio.file.Path;

                public class Main {
                    static void write(String file) throws Exception {
                        Files.writeString(Path.of(file), greeting.Greeting.hello());
                    }

                    public static void main(String[] args) throws Exception {
                        ChildProcess child = new ChildProcess(Main::write, args[0]);
                        child.start();
                        child.join();
                        System.out.println("child exit " + child.exitCode());
                    }
                }
                """);
        // Spindle's own dependencies (Lettuce, for the cluster, and its Netty and Reactor), as a build tool puts them there.
        String dependencies = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> entry.matches(".*/(lettuce-core|netty-[a-z-]+|reactor-core|reactive-streams|redis-authx-core)-[^/]*\\.jar"))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        String modulePath = codeSource(ChildProcess.class) + java.io.File.pathSeparator + mods + java.io.File.pathSeparator
                + dependencies;
        javac("--module-path", modulePath, "-d", mods.resolve("app").toString(),
                app.resolveSibling("module-info.java").toString(), app.resolve("Main.java").toString());
        Path out = dir.resolve("out");
        Process parent = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=dev.spindle", "--module-path", modulePath, "-m", "app/app.Main", out.toString())
                .redirectErrorStream(true).start();
        String output;
        try {
            output = new String(parent.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(parent.waitFor()).as(output).isZero();
        } finally {
            parent.destroyForcibly();
        }
        assertThat(output).contains("child exit 0");
        // In the child the classes are on its class path: the same code, an unnamed module.
        assertThat(Files.readString(out)).isEqualTo("hello from null module path");
    }
}
