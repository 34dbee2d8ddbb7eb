package dev.spindle.asyncio;

/**
 * Points in a stream's writing where a test of this package can hold a thread, to meet a race at
 * its moment instead of hoping to. Each is a no-op unless a test sets it; the cost is one volatile
 * read per chunk sent or drain that waits.
 */
final class StreamWindows {
    private static final Runnable NOTHING = () -> { };

    /** A drain found more than the high-water mark queued, and has not yet said that it waits. */
    static volatile Runnable drainBeforeWait = NOTHING;
    /** The writer thread is between chunks: it told a waiting drain of the last one (if one waited), and looks for the next. */
    static volatile Runnable senderBetweenChunks = NOTHING;

    private StreamWindows() {}

    static void reset() {
        drainBeforeWait = NOTHING;
        senderBetweenChunks = NOTHING;
    }
}
