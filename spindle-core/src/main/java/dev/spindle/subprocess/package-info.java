/**
 * Python's {@code subprocess}: run other programs, feed them input and read their output.
 *
 * <p>{@link dev.spindle.subprocess.Subprocess#run} runs a program to its end with Python's options
 * ({@link dev.spindle.subprocess.RunOptions}: input, captured output, a timeout, a check) and
 * returns a {@link dev.spindle.subprocess.CompletedProcess}. A timeout kills the program and
 * every process it started, even ones that ignore SIGTERM or fork while being killed, and throws
 * {@link dev.spindle.subprocess.TimeoutExpired} with the output read until then; a failed check
 * throws {@link dev.spindle.subprocess.CalledProcessError}; a missing program
 * {@link dev.spindle.subprocess.ProgramNotFoundException}, which names it.
 * {@link dev.spindle.subprocess.Popen} is a running program with its pipes;
 * {@link dev.spindle.subprocess.Popen#communicate} reads and writes them all at once on virtual
 * threads, so a full pipe buffer never deadlocks it, and
 * {@link dev.spindle.subprocess.Popen#pipeline} connects programs stdout-to-stdin.
 *
 * <p>Where {@link java.lang.ProcessBuilder} is enough (inherit the streams, redirect to files,
 * {@code waitFor}), use it: README's mapping table shows how. This package adds what it lacks.
 */
package dev.spindle.subprocess;
