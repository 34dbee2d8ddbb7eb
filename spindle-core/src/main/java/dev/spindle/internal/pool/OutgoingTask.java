package dev.spindle.internal.pool;

/**
 * A task as a {@link TaskChannel} carries it, encoded.
 *
 * @param seq           its seq in its engine
 * @param function      the function, codec-encoded
 * @param functionId    the function's id in its engine: the same id, the same bytes
 * @param arguments     the arguments (SINGLE) or items (chunks), codec-encoded as a list
 * @param shape         how the function is applied
 * @param timeoutMillis how long it may run; 0: no limit
 * @param retries       how many times it runs again if the process running it dies
 */
public record OutgoingTask(long seq, byte[] function, int functionId, byte[] arguments, Task.Shape shape,
                           long timeoutMillis, int retries) {}
