package dev.spindle.asyncio;

/** How an awaited outcome reaches the awaiting code as itself, not wrapped. */
final class Rethrow {
    private Rethrow() {}

    /** {@code error} to throw from a method declaring {@code throws Exception}: an Error is thrown here. */
    static Exception asException(Throwable error) {
        if (error instanceof Exception e) {
            return e;
        }
        if (error instanceof Error e) {
            throw e;
        }
        return new Exception(error);
    }
}
