package dev.spindle.internal.codec;

import dev.spindle.ReadLimits;

/**
 * The one wording of a message, item, task or result refused for its size where it is sent: pipes,
 * queues and pools share the default ({@code ReadLimits.maxBytes}, from
 * {@code -Dspindle.read.maxBytes}), so they say alike what the limit is and how to raise it.
 */
public final class SizeLimit {
    /** How to raise a pool's limit, for {@link #exceeded}: both sides of a pool say it. */
    public static final String FOR_A_POOL = "for this pool with Pool.builder().readLimits(ReadLimits.defaults().withMaxBytes(n))";

    private SizeLimit() {}

    /**
     * "{@code what} of N bytes is over the limit of M bytes …", naming {@code howToRaiseHere} (the
     * per-object way) and the global one.
     */
    public static String exceeded(String what, long length, int limit, String howToRaiseHere) {
        return what + " of " + length + " bytes is over the limit of " + limit + " bytes (ReadLimits.maxBytes; this JVM's"
                + " default is " + ReadLimits.defaults().maxBytes() + "): raise it " + howToRaiseHere
                + ", or for every pipe, queue and pool with -Dspindle.read.maxBytes=N";
    }
}
