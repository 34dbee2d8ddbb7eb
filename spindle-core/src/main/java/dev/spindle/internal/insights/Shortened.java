package dev.spindle.internal.insights;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

/** Values and tracebacks cut to a size that a page or a log shows, whatever a task was given. */
public final class Shortened {
    /** The longest rendering of a task's arguments. */
    public static final int ARGUMENTS = 120;
    /** The longest traceback kept. */
    public static final int TRACEBACK = 8 * 1024;
    private static final String MORE = "…";

    private Shortened() {}

    /**
     * A task's arguments as one line of at most {@link #ARGUMENTS} characters. A value whose
     * {@code toString} throws shows as its class's name, so a task's bad value cannot break a report.
     */
    public static String arguments(List<?> arguments) {
        StringBuilder line = new StringBuilder();
        for (Object argument : arguments) {
            if (!line.isEmpty()) {
                line.append(", ");
            }
            line.append(oneValue(argument));
            if (line.length() > ARGUMENTS) {
                break;
            }
        }
        return cut(line.toString().replace('\n', ' '), ARGUMENTS);
    }

    private static String oneValue(Object value) {
        try {
            if (value instanceof Object[] array) {
                return Arrays.deepToString(array);
            }
            if (value != null && value.getClass().isArray()) {
                return Arrays.deepToString(new Object[] {value}).replaceAll("^\\[|\\]$", "");
            }
            return cut(String.valueOf(value), ARGUMENTS + 1);
        } catch (RuntimeException | LinkageError | StackOverflowError e) { // a task's value's toString, whatever it does
            return "<" + value.getClass().getName() + ">";
        }
    }

    /** {@code failure}'s stack trace with its causes, cut to {@link #TRACEBACK} characters. */
    public static String traceback(Throwable failure) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            failure.printStackTrace(out);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            return failure.getClass().getName();
        }
        return cut(text.toString(), TRACEBACK);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - MORE.length()) + MORE;
    }
}
