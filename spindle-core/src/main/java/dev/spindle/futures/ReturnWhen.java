package dev.spindle.futures;

/** When {@link Futures#wait} returns (Python's {@code return_when} constants). */
public enum ReturnWhen {
    /** When any future finishes or is cancelled. */
    FIRST_COMPLETED,
    /** When any future finishes by failing (not by being cancelled), or else when all have finished. */
    FIRST_EXCEPTION,
    /** When all futures have finished or are cancelled. */
    ALL_COMPLETED
}
