package dev.spindle.examples;

/**
 * The seeds' sleeps (downloads of 5–10 s) scaled by {@code -Dspindle.speed} (default 1): tests run
 * the programs at a small fraction of real time. Child processes inherit the property.
 */
public final class Speed {
    private Speed() {}

    /** The factor applied to every sleep. */
    public static double factor() {
        return Double.parseDouble(System.getProperty("spindle.speed", "1"));
    }

    /** Sleeps {@code seconds} of seed time. */
    public static void sleep(double seconds) throws InterruptedException {
        Thread.sleep(Math.round(seconds * factor() * 1000));
    }
}
