package dev.spindle.subprocess;

import java.io.FileNotFoundException;

/**
 * The program to run does not exist: no such file, or no file of that name on {@code PATH}
 * (Python's {@code FileNotFoundError} from {@code Popen}). The message names the program.
 */
public final class ProgramNotFoundException extends FileNotFoundException {
    private static final long serialVersionUID = 1L;

    private final String program;

    /**
     * @param program the program's name or path, as given
     * @param cause   the JDK's report of the failed start
     */
    public ProgramNotFoundException(String program, Throwable cause) {
        super("No such program: '" + program + "' (not a file, nor on PATH)");
        this.program = program;
        initCause(cause);
    }

    /** The program's name or path, as given. */
    public String program() {
        return program;
    }
}
