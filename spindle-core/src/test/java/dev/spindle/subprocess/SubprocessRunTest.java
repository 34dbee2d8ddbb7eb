package dev.spindle.subprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.testing.Deadlines;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Python's {@code subprocess.run} and {@code call}: real programs, their output, status, timeouts and checks. */
class SubprocessRunTest {
    /** A timeout that a shell's first {@code echo} beats on a loaded machine; the tests that use it last this long. */
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final Marked marked = new Marked();

    @AfterEach
    void nothingLeftRunning() {
        marked.assertNothingLeftRunning();
    }

    private static List<String> sh(String script) {
        return List.of("sh", "-c", script);
    }

    @Test
    void capturesStdoutAndStderrApartWithTheExitStatus() throws Exception {
        CompletedProcess done = Subprocess.run(sh("echo out; echo 错误 >&2; exit 3"), RunOptions.defaults().captureOutput());
        assertThat(done.returncode()).isEqualTo(3);
        assertThat(done.stdoutText()).isEqualTo("out\n");
        assertThat(done.stderrText()).isEqualTo("错误\n");
        assertThat(done.args()).isEqualTo(sh("echo out; echo 错误 >&2; exit 3"));
    }

    @Test
    void theOutputIsBytesDecodedInAnyCharsetAndTheResultAValue() throws Exception {
        CompletedProcess done = Subprocess.run(List.of("printf", "\\326\\320"), RunOptions.defaults().captureOutput());
        assertThat(done.stdout()).containsExactly(0xD6, 0xD0);
        assertThat(done.stdoutText(java.nio.charset.Charset.forName("GBK"))).isEqualTo("中");
        done.stdout()[0] = 0;
        assertThat(done.stdout()[0]).as("a copy each time").isEqualTo((byte) 0xD6);
        CompletedProcess again = Subprocess.run(List.of("printf", "\\326\\320"), RunOptions.defaults().captureOutput());
        assertThat(again).isEqualTo(done).hasSameHashCodeAs(done);
        assertThat(again).isNotEqualTo(Subprocess.run(List.of("true"), RunOptions.defaults().captureOutput()));
    }

    @Test
    void withoutCaptureTheOutputIsEmptyAndTheStatusIsThere() throws Exception {
        CompletedProcess done = Subprocess.run(List.of("true"));
        assertThat(done.returncode()).isZero();
        assertThat(done.stdout()).isEmpty();
        assertThat(done.stderr()).isEmpty();
        assertThat(Subprocess.call(List.of("false"))).isEqualTo(1);
    }

    @Test
    void aProgramFoundOnThePathSeesItsNameAsGivenAndItsArgumentsAsTheyAre() throws Exception {
        for (int round = 0; round < 2; round++) { // the second finds the program where the first did
            CompletedProcess done = Subprocess.run(List.of("sh", "-c", "tr '\\0' ' ' < /proc/$$/cmdline", "名字 with space"),
                    RunOptions.defaults().captureOutput());
            assertThat(done.stdoutText()).isEqualTo("sh -c tr '\\0' ' ' < /proc/$$/cmdline 名字 with space ");
        }
    }

    @Test
    void aKilledProgramsReturncodeIsMinusTheSignalAsPythons() throws Exception {
        CompletedProcess done = Subprocess.run(sh("kill -9 $$"), RunOptions.defaults());
        assertThat(done.returncode()).isEqualTo(-9);
        assertThatThrownBy(done::checkReturncode).isInstanceOf(CalledProcessError.class).hasMessageContaining("died with signal 9");
    }

    @Test
    void inputIsWrittenToStdinWhichIsThenClosed() throws Exception {
        CompletedProcess done = Subprocess.run(List.of("cat"), RunOptions.defaults().input("请使用\n命令行").captureOutput());
        assertThat(done.stdoutText()).isEqualTo("请使用\n命令行");
        assertThat(done.returncode()).isZero();
    }

    @Test
    void checkThrowsCalledProcessErrorWithTheStatusAndTheOutput() throws Exception {
        List<String> failing = sh("echo partial; echo why >&2; exit 2");
        assertThatThrownBy(() -> Subprocess.run(failing, RunOptions.defaults().captureOutput().check()))
                .isInstanceOfSatisfying(CalledProcessError.class, e -> {
                    assertThat(e.returncode()).isEqualTo(2);
                    assertThat(e.args()).isEqualTo(failing);
                    assertThat(e.stdoutText()).isEqualTo("partial\n");
                    assertThat(e.stderrText()).isEqualTo("why\n");
                    assertThat(e).hasMessage("Command '" + failing + "' returned non-zero exit status 2.");
                });
        assertThat(Subprocess.run(List.of("true"), RunOptions.defaults().check()).returncode()).isZero();
    }

    @Test
    void checkReturncodeOfACompletedProcess() throws Exception {
        CompletedProcess failed = Subprocess.run(List.of("false"));
        assertThatThrownBy(failed::checkReturncode).isInstanceOf(CalledProcessError.class);
        CompletedProcess fine = Subprocess.run(List.of("true"));
        assertThat(fine.checkReturncode()).isSameAs(fine);
    }

    @Test
    void aMissingProgramIsAClearErrorThatNamesIt() {
        assertThatThrownBy(() -> Subprocess.run(List.of("no-such-program-spindle", "arg")))
                .isInstanceOf(FileNotFoundException.class)
                .isInstanceOfSatisfying(ProgramNotFoundException.class, e -> {
                    assertThat(e.program()).isEqualTo("no-such-program-spindle");
                    assertThat(e).hasMessageContaining("'no-such-program-spindle'").hasCauseInstanceOf(IOException.class);
                });
        assertThatThrownBy(() -> Subprocess.call(List.of("/no/such/dir/prog")))
                .isInstanceOfSatisfying(ProgramNotFoundException.class, e -> assertThat(e.program()).isEqualTo("/no/such/dir/prog"));
    }

    @Test
    void aMissingDirectoryIsNotAMissingProgram(@TempDir Path dir) {
        assertThatThrownBy(() -> Subprocess.run(List.of("true"), RunOptions.defaults().directory(dir.resolve("gone"))))
                .isInstanceOf(IOException.class).isNotInstanceOf(ProgramNotFoundException.class);
    }

    @Test
    void runsInTheGivenDirectoryWithTheGivenEnvironment(@TempDir Path dir) throws Exception {
        CompletedProcess done = Subprocess.run(sh("pwd; echo \"$GREETING\"; echo \"${HOME-unset}\""), RunOptions.defaults()
                .directory(dir).environment(Map.of("GREETING", "你好", "PATH", System.getenv("PATH"))).captureOutput());
        assertThat(done.stdoutText()).isEqualTo(dir.toRealPath() + "\n你好\nunset\n");
    }

    @Test
    void aTimeoutKillsAProgramThatIgnoresSigtermAndItsChildrenAndKeepsTheOutputSoFar() throws Exception {
        List<String> stubborn = sh("trap '' TERM; sleep " + marked.sleep + " & sleep " + marked.sleep + " & echo started; echo 开始 >&2; wait");
        assertThatThrownBy(() -> Subprocess.run(stubborn, RunOptions.defaults().captureOutput().timeout(TIMEOUT)))
                .isInstanceOfSatisfying(TimeoutExpired.class, e -> {
                    assertThat(e.stdoutText()).isEqualTo("started\n");
                    assertThat(e.stderrText()).isEqualTo("开始\n");
                    assertThat(e.timeout()).isEqualTo(TIMEOUT);
                    assertThat(e.args()).isEqualTo(stubborn);
                    assertThat(e).hasMessage("Command '" + stubborn + "' timed out after 2 seconds");
                });
        // the output was read to its end, so every process holding the pipes has exited
        assertThat(marked.live()).isEmpty();
    }

    @Test
    void aTimeoutKillsChildrenStartedWhileTheTreeIsBeingKilled() throws Exception {
        List<String> spawner = sh("trap '' TERM; echo started; while :; do sleep " + marked.sleep + " & done");
        assertThatThrownBy(() -> Subprocess.run(spawner, RunOptions.defaults().captureOutput().timeout(TIMEOUT)))
                .isInstanceOfSatisfying(TimeoutExpired.class, e -> assertThat(e.stdoutText()).isEqualTo("started\n"));
        assertThat(marked.live()).isEmpty();
    }

    @Test
    void aTimeoutWithoutCaptureKillsTheTreeToo() throws Exception {
        List<String> stubborn = sh("trap '' TERM; sleep " + marked.sleep + " & sleep " + marked.sleep);
        assertThatThrownBy(() -> Subprocess.run(stubborn, RunOptions.defaults().timeout(Deadlines.QUIET)))
                .isInstanceOfSatisfying(TimeoutExpired.class, e -> assertThat(e.stdout()).isEmpty());
        Deadlines.await("the stubborn tree is gone", Deadlines.PROMPT, () -> marked.live().isEmpty());
    }

    @Test
    void anInterruptedRunKillsTheTree() throws Exception {
        Path fifo = Files.createTempDirectory("spindle-subprocess").resolve("started");
        Subprocess.run(List.of("mkfifo", fifo.toString()), RunOptions.defaults().check());
        Thread runner = Thread.ofPlatform().start(() -> {
            try {
                Subprocess.run(sh("echo > " + fifo + "; sleep " + marked.sleep), RunOptions.defaults().captureOutput());
            } catch (InterruptedException expected) {
                // the run was interrupted, as the test asked
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        Files.readAllBytes(fifo); // the program has started: it opened the FIFO and wrote a line
        runner.interrupt();
        assertThat(runner.join(Deadlines.PROMPT)).isTrue();
        Deadlines.await("the interrupted program is gone", Deadlines.PROMPT, () -> marked.live().isEmpty());
        Files.delete(fifo);
        Files.delete(fifo.getParent());
    }

    @Test
    void badArgumentsAreRefusedAtTheCall() {
        assertThatThrownBy(() -> Subprocess.run(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RunOptions.defaults().timeout(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
