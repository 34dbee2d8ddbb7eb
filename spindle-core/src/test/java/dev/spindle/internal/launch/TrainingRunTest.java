package dev.spindle.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The AOT training run goes down the whole child path with its own sample target and must end
 * with status 0, or its cache is thrown away (the cache itself needs a class path of jars, which
 * the test class path is not, so the run is checked here without -XX:AOTCacheOutput).
 */
class TrainingRunTest {

    @Test
    void theTrainingRunTakesTheChildPathAndEndsCleanly() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Launcher.javaExecutable());
        command.addAll(Launcher.BASE_OPTIONS);
        command.addAll(List.of("-cp", Launcher.classPath(), ChildMain.class.getName(), "/dev/null",
                Long.toString(ProcessHandle.current().pid()), ChildMain.MODE_TRAIN, ChildMain.DEATH_SIGNAL_TO_ASK));
        // stdin stays an open pipe, as for the real training run: EOF would mean the parent died.
        Process training = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            assertThat(training.waitFor(60, TimeUnit.SECONDS)).as("the training run ends").isTrue();
            String output = new String(training.getInputStream().readAllBytes());
            assertThat(training.exitValue()).as("exit status; output: %s", output).isZero();
        } finally {
            training.destroyForcibly();
            training.getOutputStream().close();
        }
    }
}
