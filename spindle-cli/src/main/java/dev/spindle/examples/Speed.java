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

    /**
     * Where the demos run faster than the seed: what {@code seconds} of the seed's time took here,
     * to print beside a time the seed prints ("" at full speed).
     */
    public static String atSpeed(double seconds) {
        double factor = factor();
        return factor == 1 ? "" : " (the seed's time; at speed %s it took %.2f s)".formatted(factor, seconds * factor);
    }

    /** Sleeps {@code seconds} of seed time. */
    public static void sleep(double seconds) throws InterruptedException {
        Thread.sleep(Math.round(seconds * factor() * 1000));
    }
}
