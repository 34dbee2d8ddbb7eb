package dev.spindle.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.multiprocessing.Pool;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import dev.spindle.testing.ParentJvm;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A library error reaches stderr with no logging set up, as Python prints a failing callback's
 * traceback: a program whose class path holds Spindle and nothing else (no logging binding).
 */
@ExtendWith(NoLeaks.class)
class CallbackErrorsReachStderrTest {
    /** The program: a pool task whose callback throws. */
    public static final class CallbackThatThrows {
        public static void main(String[] args) throws Exception {
            try (Pool pool = Pool.of(1)) {
                int value = pool.applyAsync((Integer x) -> x * x, 3,
                        v -> { throw new IllegalStateException("callback broke"); }, null).get();
                System.out.println("result " + value);
            }
        }
    }

    @Test
    void aCallbackThatThrowsIsPrintedWithItsTraceWithNoLoggingSetUp() throws Exception {
        String classPath = codeSource(Pool.class) + File.pathSeparator + codeSource(CallbackThatThrows.class);
        String output;
        try (ParentJvm program = ParentJvm.command(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", classPath, CallbackThatThrows.class.getName()))) {
            assertThat(program.waitFor(Deadlines.CHILD)).as(program.output()).isZero();
            output = program.output();
        }
        assertThat(output).contains("result 9").contains("exception calling callback")
                .contains("java.lang.IllegalStateException: callback broke").contains("at dev.spindle.pool.CallbackErrorsReachStderrTest")
                .doesNotContain("SLF4J");
        assertThat(classPath).doesNotContain("slf4j");
    }

    private static Path codeSource(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
