package dev.spindle.subprocess;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * What a program wrote to its captured stdout and stderr, as bytes and as text (Python's
 * {@code text=True} and {@code encoding=}); empty when a stream was not captured.
 */
public interface CapturedOutput {
    /** What the program wrote to its captured stdout, a copy. */
    byte[] stdout();

    /** What the program wrote to its captured stderr, a copy. */
    byte[] stderr();

    /** {@link #stdout()} decoded as UTF-8. */
    default String stdoutText() {
        return stdoutText(StandardCharsets.UTF_8);
    }

    /** {@link #stdout()} decoded in {@code charset}. */
    default String stdoutText(Charset charset) {
        return new String(stdout(), charset);
    }

    /** {@link #stderr()} decoded as UTF-8. */
    default String stderrText() {
        return stderrText(StandardCharsets.UTF_8);
    }

    /** {@link #stderr()} decoded in {@code charset}. */
    default String stderrText(Charset charset) {
        return new String(stderr(), charset);
    }
}
