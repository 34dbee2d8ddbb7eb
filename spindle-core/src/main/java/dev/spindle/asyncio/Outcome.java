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
            to.setResult(from.resultNow());
        }
    }
}
