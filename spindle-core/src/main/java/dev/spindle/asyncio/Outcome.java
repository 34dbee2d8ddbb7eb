package dev.spindle.asyncio;

/** Copies one future's outcome onto another (CPython's {@code _copy_future_state}). */
final class Outcome {
    private Outcome() {}

    static <T> void copy(Future<? extends T> from, Future<T> to) {
        if (from.cancelled()) {
            to.cancel();
        } else if (from.exception() != null) {
            to.setException(from.exception());
        } else {
            to.setResult(resultOf(from));
        }
    }

    /** The result of a future that finished without an exception. */
    static <T> T resultOf(Future<T> finished) {
        try {
            return finished.result();
        } catch (Exception e) {
            throw new AssertionError("a finished future without exception threw", e);
        }
    }
}
