package dev.spindle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** What a user of the command sees: help and the version everywhere, and the launcher's own commands. */
class CommandLineTest {
    private static String run(String... args) {
        StringWriter text = new StringWriter();
        CommandLine command = new CommandLine(new SpindleCommand());
        command.setOut(new PrintWriter(text));
        command.setErr(new PrintWriter(text));
        assertThat(command.execute(args)).as("exit code of %s", String.join(" ", args)).isZero();
        return text.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "bench", "worker", "dashboard"})
    void everySubcommandTakesHelp(String subcommand) {
        assertThat(run(subcommand, "--help")).contains("Usage: spindle " + subcommand);
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "bench", "worker", "dashboard"})
    void everySubcommandPrintsTheVersion(String subcommand) {
        assertThat(run(subcommand, "-V")).contains(SpindleCommand.VERSION);
        assertThat(run(subcommand, "--version")).contains(SpindleCommand.VERSION);
    }

    @Test
    void theTopLevelHelpListsTheTestCommand() {
        assertThat(run("--help")).contains("demo").contains("bench").containsPattern("(?m)^\\s+test\\s")
                .containsPattern("(?m)^\\s+install\\s");
    }

    /** The launcher's own commands answer --help with their usage, and do nothing else. */
    @ParameterizedTest
    @ValueSource(strings = {"test", "build", "install"})
    void theLaunchersCommandsTakeHelpWithoutRunningMaven(String subcommand) throws Exception {
        Path launcher = Path.of("..", "bin", "spindle").toAbsolutePath().normalize();
        Process process = new ProcessBuilder(launcher.toString(), subcommand, "--help").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).startsWith("Usage: bin/spindle " + subcommand).doesNotContain("mvn").doesNotContain("[INFO]")
                .doesNotContain("building");
    }
}
